# Ukrainian: Django's DATE_FORMAT is "d E Y р." ("05 вересня 2023 р."); in running text
# Ukrainian writes the day without a leading zero ("5 вересня 2023 р."), as Russian and
# Belarusian do. The rest is Django's.
from django.conf.locale.uk.formats import *  # noqa: F403

DATE_FORMAT = "j E Y р."
DATETIME_FORMAT = "j E Y р. H:i"
