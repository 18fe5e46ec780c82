# Scheduling arithmetic across time zones and DST changes, with formatting and parsing.
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
import calendar

paris = ZoneInfo("Europe/Paris")
ny = ZoneInfo("America/New_York")
tokyo = ZoneInfo("Asia/Tokyo")
kolkata = ZoneInfo("Asia/Kolkata")
sydney = ZoneInfo("Australia/Sydney")

meeting = datetime(2024, 3, 30, 15, 0, tzinfo=paris)
for days in range(3):
    t = meeting + timedelta(days=days)
    print(t.isoformat(), t.tzname(), t.utcoffset(), "| NY", t.astimezone(ny).strftime("%Y-%m-%d %H:%M %Z"),
          "| Tokyo", t.astimezone(tokyo).strftime("%a %H:%M"), "| Kolkata", t.astimezone(kolkata).strftime("%H:%M %z"))

# the hour that does not exist and the hour that happens twice
gap = datetime(2024, 3, 10, 2, 30, tzinfo=ny)
print(gap.utcoffset(), gap.replace(fold=1).utcoffset(), gap.astimezone(timezone.utc))
twice = datetime(2024, 11, 3, 1, 30, tzinfo=ny)
print(twice.tzname(), twice.replace(fold=1).tzname(), twice.astimezone(timezone.utc), twice.replace(fold=1).astimezone(timezone.utc))
print(datetime(2024, 1, 15, 12, tzinfo=sydney).tzname(), datetime(2024, 7, 15, 12, tzinfo=sydney).tzname())

utc_instant = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)
for key in ["UTC", "Europe/London", "America/Los_Angeles", "America/Sao_Paulo", "Asia/Kathmandu", "Pacific/Auckland", "US/Eastern", "Etc/GMT+5"]:
    z = ZoneInfo(key)
    local = utc_instant.astimezone(z)
    print(f"{key:<20} {local:%Y-%m-%d %H:%M} {local.utcoffset()} {str(z)} {local.dst()}")
try:
    ZoneInfo("Mars/Olympus_Mons")
except ZoneInfoNotFoundError as e:
    print("not found:", type(e).__name__)

print(datetime(1970, 1, 1, tzinfo=paris).utcoffset(), datetime(1900, 1, 1, tzinfo=paris).utcoffset(), datetime(2100, 7, 1, tzinfo=paris).utcoffset())
print(datetime.fromtimestamp(1_700_000_000, tz=paris), datetime.fromtimestamp(0, tz=timezone.utc).isoformat())

d = datetime.strptime("2024-02-29T23:59:59", "%Y-%m-%dT%H:%M:%S")
print(d + timedelta(seconds=1), (d - datetime(2024, 1, 1)).days, d.isocalendar(), d.strftime("%j %U %W %A %B %p %I"))
print(datetime.fromisoformat("2024-05-06T07:08:09+02:00").astimezone(timezone.utc), date.fromisoformat("2024-12-31").toordinal())
print(timedelta(days=1, hours=25, minutes=-5, seconds=3.5), timedelta(seconds=-1), timedelta(weeks=3) / timedelta(days=2))
print(calendar.isleap(2100), calendar.monthrange(2024, 2)[1], calendar.day_name[calendar.weekday(2024, 7, 4)], calendar.day_name[0])
print(calendar.month(2024, 2))
start = date(2024, 1, 31)
months = []
for i in range(5):
    y, m = divmod(start.month - 1 + i, 12)
    last = calendar.monthrange(start.year + y, m + 1)[1]
    months.append(date(start.year + y, m + 1, min(start.day, last)).isoformat())
print(months)
print(time(13, 5, 7, 123456).isoformat(timespec="milliseconds"), datetime(2024, 1, 1, 9).strftime("%-d/%-m" if False else "%d/%m %H%M"))
