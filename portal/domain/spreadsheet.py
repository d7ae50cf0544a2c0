"""Cells written to CSV and XLSX exports, safe to open in a spreadsheet.

OWASP's CSV injection rule: a text cell starting with =, +, -, @, a tab or a carriage return would be read as a
formula (=HYPERLINK(...) in a dialogue leader's name becomes a live link), so it is prefixed with a single quote and
stays text. Numbers, dates and booleans are written as they are.
"""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row) -> list:
    return [safe_cell(value) for value in row]
