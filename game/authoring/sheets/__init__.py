"""Quizzes in a spreadsheet: for librarians who write questions in LibreOffice Calc or Excel, not YAML.

    layout.py   the sheets, their columns and headers (in the librarian's language), the words read as true/false
    cells.py    reading an .xlsx or .csv file into plain rows; cell names such as Questions!D7
    reading.py  rows -> the level's data, every leaf tagged with the cell it came from
    emit.py     that data -> the text of a level file, and which cell each line came from
    writing.py  a level's data -> a workbook (export-questions, and the template of new-pack --spreadsheet)
    command.py  the commands: import-questions FILE.xlsx|.csv, export-questions, new-pack --spreadsheet

A level made from a sheet is checked with the game's own loader, and the loader's problems are named by
the cell they came from. Nothing here imports pygame; openpyxl is imported only when a workbook is used.
"""
