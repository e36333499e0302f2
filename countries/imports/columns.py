"""The columns of an indicator values file: those of /open-data/indicators.csv, so a
download can be edited and imported back."""

COLUMNS = ["country_iso", "country", "indicator", "indicator_name", "value", "date", "source"]

# A row names its country by code or by name, and its indicator by slug or by name: a
# file needs one column of each pair, and every one of the others.
ONE_OF = [("country_iso", "country"), ("indicator", "indicator_name")]
REQUIRED = ["value", "date", "source"]
