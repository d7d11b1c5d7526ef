"""Translators' round trip: `export-texts PACK --lang ru --out FILE.xlsx` and `import-texts FILE.xlsx`.

    texts.py    every text a child reads in a pack's YAML files, with its place (file, line, where, speaker)
    splice.py   a translation written into the YAML text itself: only the characters of that one value change
    command.py  the two commands, and the report of texts whose Kazakh original changed since the export

The files are edited as text, at the places the YAML parser gives for each value, so that comments, order,
quoting and layout stay byte for byte what the librarian wrote; only the translated values are rewritten
(double-quoted), and a missing language is added beside the others.
"""
