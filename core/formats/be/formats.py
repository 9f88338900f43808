# Belarusian: Django has month names but no formats for "be", so dates fell back to the
# English order ("Ліс. 21, 2026") and numbers went ungrouped. Belarusian usage follows the
# same conventions as Russian and Ukrainian: "21 лістапада 2026 г.", "1 234 567,5".
DATE_FORMAT = "j E Y г."
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j E Y г. H:i"
YEAR_MONTH_FORMAT = "F Y г."
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # non-breaking space
NUMBER_GROUPING = 3
