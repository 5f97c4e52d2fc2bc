"""Text setting: styled runs → items (boxes, glue, penalties) → optimal line breaks → drawn lines.

The stage between content and layout. ReportLab keeps measuring glyphs and writing the PDF; this
package decides where lines break (Knuth–Plass total fit), shapes words with HarfBuzz (kerning,
ligatures, superior letters) and draws each line with exact word and letter spacing.

- ``shaping``: one word in one font → glyphs and advances (cached), ligatures kept extractable;
- ``items``: a paragraph's runs → the box/glue/penalty list, with French spaces and break points;
- ``breaker``: the total-fit line breaker (fitness classes, hyphen ladders, looseness, passes);
- ``draw``: a line of items → PDF text operators on a ReportLab canvas.
"""
