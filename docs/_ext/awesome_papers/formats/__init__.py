"""What the records are written to and read from: the README, the importer, exports and BibTeX. No Sphinx import."""
