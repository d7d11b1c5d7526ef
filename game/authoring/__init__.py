"""Tools for the people who write levels: the JSON Schema for editors, a new-pack scaffold, pack zips.

Nothing here is imported by the game itself; the command line imports these modules only when one of
their commands is run.
"""
