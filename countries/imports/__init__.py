"""Importing indicator values from a CSV or XLSX file (docs/indicators.md): read the file,
plan what each row would do, show that plan, and apply it when the person confirms."""
