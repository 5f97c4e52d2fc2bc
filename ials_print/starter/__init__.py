"""Starting a publication: ``ials-print init``."""
