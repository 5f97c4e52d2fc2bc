"""Copyfitting: how full each page of a section is, how much text is too much or too little, and
remedies whose effect the engine computes by laying the section out again with the change."""
