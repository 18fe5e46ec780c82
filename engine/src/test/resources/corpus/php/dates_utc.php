<?php
// Dates in UTC: fixed timestamps and fixed dates only, so the output never depends on today.
date_default_timezone_set('UTC');
$ts = 1709287200; // 2024-03-01 10:00:00 UTC
echo date('Y-m-d H:i:s D N jS F, L t W', $ts), "\n";
echo date(DATE_ATOM, $ts), " | ", date(DATE_RFC2822, $ts), " | ", date('c U', 0), "\n";
echo gmdate('D, d M Y H:i:s \G\M\T', $ts), "\n";
$d = new DateTimeImmutable('2024-01-31 12:00:00', new DateTimeZone('UTC'));
echo $d->modify('+1 month')->format('Y-m-d'), " ", $d->modify('last day of next month')->format('Y-m-d'), "\n";
echo $d->add(new DateInterval('P1Y2M3DT4H5M6S'))->format(DateTimeInterface::RFC3339), "\n";
$a = new DateTime('2024-02-28', new DateTimeZone('UTC'));
$b = new DateTime('2025-03-01 06:30', new DateTimeZone('UTC'));
$diff = $a->diff($b);
echo $diff->format('%y y %m m %d d %h h %i i, %a days total, %R'), "\n";
foreach (new DatePeriod(new DateTime('2024-03-01'), new DateInterval('P1W'), 3) as $day) {
    echo $day->format('D Y-m-d'), " ";
}
echo "\n";
echo date('Y-m-d', strtotime('2024-03-01 +10 days')), " ", date('Y-m-d', strtotime('last monday', $ts)), "\n";
echo date('Y-m-d', strtotime('first day of next month', $ts)), " ", strtotime('2024-02-29 00:00:00 UTC'), "\n";
var_dump(checkdate(2, 29, 2023), checkdate(2, 29, 2024));
$p = DateTime::createFromFormat('d/m/Y H:i', '15/08/2023 14:45', new DateTimeZone('UTC'));
echo $p->format('l jS \of F Y h:i:s A'), " ", $p->getTimestamp(), "\n";
$ny = new DateTime('2024-07-04 12:00', new DateTimeZone('America/New_York'));
echo $ny->format('c T'), " -> ", $ny->setTimezone(new DateTimeZone('UTC'))->format('c T'), "\n";
echo (new DateTime('@86400'))->format('Y-m-d e'), "\n";
echo json_encode(date_parse('2024-03-01 10:15:30.5')), "\n";
echo idate('Y', $ts), " ", mktime(0, 0, 0, 12, 25, 2023), " ", gmmktime(0, 0, 0, 1, 1, 2000), "\n";
$dates = ['2024-03-01', '2023-12-31', '2024-01-15'];
usort($dates, fn($x, $y) => strtotime($x) <=> strtotime($y));
echo implode(' < ', $dates), "\n";
