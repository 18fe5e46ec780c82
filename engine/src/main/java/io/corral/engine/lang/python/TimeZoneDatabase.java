package io.corral.engine.lang.python;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.time.zone.ZoneRulesProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IANA time-zone database for Python's {@code zoneinfo}, written out from the JDK's own copy
 * ({@link ZoneRulesProvider}, kept current by JDK updates) as TZif files (RFC 8536, version 2),
 * which the prelude serves read-only as the {@code tzdata} package: {@code zoneinfo} falls back to it
 * when no {@code TZPATH} folder exists, as on CPython without system time-zone files.
 *
 * <p>The JDK has no time-zone abbreviations; names come from its English short display names
 * ({@code CET}, {@code EDT}) and, where those are GMT offsets, IANA's numeric form ({@code -03},
 * {@code +0545}). Periods before standard time are {@code LMT}; other historical periods that match
 * no current name are numeric. Transitions derived from the current rules are written out to 2037,
 * and the footer's POSIX TZ string covers every later instant.
 *
 * <p>Members: {@code zones()} (every key, one per line), {@code tzif(key)} (the file as a Latin-1
 * string, or null for an unknown key), {@code is_dir(path)}, {@code version()}. Arguments are
 * checked against the key set; nothing a guest passes reaches {@link ZoneId#of}. Stateless apart from
 * a cache of written files: one instance serves every context.
 */
final class TimeZoneDatabase implements ProxyObject {

    static final TimeZoneDatabase INSTANCE = new TimeZoneDatabase();

    /** The last year whose rule-derived transitions are listed; later instants follow the footer. */
    private static final int LAST_LISTED_YEAR = 2037;
    private static final Pattern GMT_NAME = Pattern.compile("GMT([+-])(\\d{1,2})(?::?(\\d{2}))?");

    private final NavigableSet<String> keys = Collections.unmodifiableNavigableSet(new TreeSet<>(ZoneId.getAvailableZoneIds()));
    private final NavigableSet<String> folders = folders(keys);
    private final Map<String, String> files = new ConcurrentHashMap<>();
    private final Map<String, ProxyExecutable> members = Map.of(
            "zones", args -> String.join("\n", keys),
            "tzif", args -> args.length == 1 && args[0].isString() && keys.contains(args[0].asString())
                    ? files.computeIfAbsent(args[0].asString(), k -> new String(tzif(k), StandardCharsets.ISO_8859_1))
                    : null,
            "is_dir", args -> args.length == 1 && args[0].isString() && folders.contains(args[0].asString()),
            "version", args -> ZoneRulesProvider.getVersions("UTC").lastKey());

    private TimeZoneDatabase() {
    }

    private static NavigableSet<String> folders(NavigableSet<String> keys) {
        TreeSet<String> out = new TreeSet<>();
        for (String k : keys) {
            for (int i = k.indexOf('/'); i > 0; i = k.indexOf('/', i + 1)) {
                out.add(k.substring(0, i));
            }
        }
        return Collections.unmodifiableNavigableSet(out);
    }

    /** One zone as a TZif version 2 file. */
    static byte[] tzif(String key) {
        ZoneRules rules = ZoneId.of(key).getRules();
        Names names = new Names(TimeZone.getTimeZone(key));

        List<ZoneOffsetTransition> transitions = new ArrayList<>(rules.getTransitions());
        List<ZoneOffsetTransitionRule> lastRules = rules.getTransitionRules();
        if (!lastRules.isEmpty()) {
            Instant after = transitions.isEmpty() ? Instant.MIN : transitions.get(transitions.size() - 1).getInstant();
            int from = transitions.isEmpty() ? 1970 : transitions.get(transitions.size() - 1).getDateTimeBefore().getYear();
            List<ZoneOffsetTransition> derived = new ArrayList<>();
            for (int year = from; year <= LAST_LISTED_YEAR; year++) {
                for (ZoneOffsetTransitionRule r : lastRules) {
                    ZoneOffsetTransition t = r.createTransition(year);
                    if (t.getInstant().isAfter(after)) {
                        derived.add(t);
                    }
                }
            }
            derived.sort(java.util.Comparator.comparing(ZoneOffsetTransition::getInstant));
            transitions.addAll(derived);
        }

        // local time types, the one before the first transition first (RFC 8536: type 0)
        Map<Type, Integer> types = new LinkedHashMap<>();
        ZoneOffset initial = transitions.isEmpty() ? rules.getOffset(Instant.EPOCH) : transitions.get(0).getOffsetBefore();
        boolean initialDst = !transitions.isEmpty()
                && rules.isDaylightSavings(transitions.get(0).getInstant().minusSeconds(1));
        types.put(new Type(initial.getTotalSeconds(), initialDst,
                !transitions.isEmpty() && initial.getTotalSeconds() % 900 != 0 ? "LMT"
                        : names.of(initial.getTotalSeconds(), initialDst)), 0);
        int[] index = new int[transitions.size()];
        for (int i = 0; i < transitions.size(); i++) {
            ZoneOffsetTransition t = transitions.get(i);
            boolean dst = rules.isDaylightSavings(t.getInstant());
            int offset = t.getOffsetAfter().getTotalSeconds();
            Type type = new Type(offset, dst, names.of(offset, dst));
            index[i] = types.computeIfAbsent(type, k -> types.size());
        }

        StringBuilder designations = new StringBuilder();
        Map<String, Integer> designationIndex = new LinkedHashMap<>();
        for (Type t : types.keySet()) {
            designationIndex.computeIfAbsent(t.abbreviation(), a -> {
                int at = designations.length();
                designations.append(a).append('\0');
                return at;
            });
        }

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            // a minimal version 1 block (readers of version 2 skip it), then the 64-bit data
            header(out, 0, 1, 1);
            out.writeInt(0);
            out.writeByte(0);
            out.writeByte(0);
            out.writeByte(0);
            header(out, transitions.size(), types.size(), designations.length());
            for (ZoneOffsetTransition t : transitions) {
                out.writeLong(t.getInstant().getEpochSecond());
            }
            for (int i : index) {
                out.writeByte(i);
            }
            for (Type t : types.keySet()) {
                out.writeInt(t.offset());
                out.writeByte(t.dst() ? 1 : 0);
                out.writeByte(designationIndex.get(t.abbreviation()));
            }
            out.write(designations.toString().getBytes(StandardCharsets.US_ASCII));
            out.write('\n');
            out.write(footer(rules, transitions, lastRules, names).getBytes(StandardCharsets.US_ASCII));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void header(DataOutputStream out, int timeCount, int typeCount, int charCount) throws IOException {
        out.writeBytes("TZif2");
        out.write(new byte[15]);
        out.writeInt(0); // UT/local indicators
        out.writeInt(0); // standard/wall indicators
        out.writeInt(0); // leap seconds
        out.writeInt(timeCount);
        out.writeInt(typeCount);
        out.writeInt(charCount);
    }

    private record Type(int offset, boolean dst, String abbreviation) {
    }

    /** The POSIX TZ string for instants after the last listed transition. */
    private static String footer(ZoneRules rules, List<ZoneOffsetTransition> transitions,
                                 List<ZoneOffsetTransitionRule> lastRules, Names names) {
        if (lastRules.size() == 2) {
            ZoneOffsetTransitionRule start = lastRules.get(0).getOffsetAfter().equals(lastRules.get(0).getStandardOffset())
                    ? lastRules.get(1) : lastRules.get(0);
            ZoneOffsetTransitionRule end = start == lastRules.get(0) ? lastRules.get(1) : lastRules.get(0);
            int std = start.getStandardOffset().getTotalSeconds();
            int dst = start.getOffsetAfter().getTotalSeconds();
            if (dst != std && end.getOffsetAfter().getTotalSeconds() == std) {
                return quoted(names.of(std, false)) + posixOffset(std) + quoted(names.of(dst, true))
                        + (dst - std == 3600 ? "" : posixOffset(dst)) + "," + rule(start) + "," + rule(end);
            }
        }
        int offset = transitions.isEmpty() ? rules.getOffset(Instant.EPOCH).getTotalSeconds()
                : transitions.get(transitions.size() - 1).getOffsetAfter().getTotalSeconds();
        boolean dst = !transitions.isEmpty() && rules.isDaylightSavings(transitions.get(transitions.size() - 1).getInstant());
        return dst ? "" : quoted(names.of(offset, false)) + posixOffset(offset);
    }

    /** Mm.w.d[/time] (or Jn for a fixed day), the time in the wall clock in effect before it. */
    private static String rule(ZoneOffsetTransitionRule r) {
        long time = r.getLocalTime().toSecondOfDay() + (r.isMidnightEndOfDay() ? 86_400 : 0);
        time += switch (r.getTimeDefinition()) {
            case UTC -> r.getOffsetBefore().getTotalSeconds();
            case STANDARD -> r.getOffsetBefore().getTotalSeconds() - r.getStandardOffset().getTotalSeconds();
            case WALL -> 0;
        };
        int month = r.getMonth().getValue();
        int dom = r.getDayOfMonthIndicator();
        String date;
        if (r.getDayOfWeek() == null) {
            LocalDate day = dom > 0 ? LocalDate.of(2023, month, dom)
                    : LocalDate.of(2023, month, 1).plusMonths(1).plusDays(dom);
            date = "J" + day.getDayOfYear();
        } else {
            int dow = r.getDayOfWeek().getValue() % 7;
            int week;
            if (dom > 0) {
                // "dow on or after day dom": the week's first day is 7k+1; a later start shifts the weekday and the time
                int shift = (dom - 1) % 7;
                week = Math.min(5, (dom - 1) / 7 + 1);
                dow = Math.floorMod(dow - shift, 7);
                time += shift * 86_400L;
            } else {
                // "dow on or before the (-dom)th day from the month's end": the last week, shifted back
                int shift = -dom - 1;
                week = 5;
                dow = Math.floorMod(dow + shift, 7);
                time -= shift * 86_400L;
            }
            date = "M" + month + "." + week + "." + dow;
        }
        return time == 7200 ? date : date + "/" + clock(time);
    }

    /** POSIX offsets count west of Greenwich: UTC+1 is "-1". */
    private static String posixOffset(int seconds) {
        return (seconds > 0 ? "-" : "") + clock(Math.abs((long) seconds)).replace("+", "");
    }

    private static String clock(long seconds) {
        String sign = seconds < 0 ? "-" : "";
        long s = Math.abs(seconds);
        long h = s / 3600;
        long m = s % 3600 / 60;
        long sec = s % 60;
        return sign + h + (m != 0 || sec != 0 ? String.format(Locale.ROOT, ":%02d", m) : "")
                + (sec != 0 ? String.format(Locale.ROOT, ":%02d", sec) : "");
    }

    private static String quoted(String abbreviation) {
        return abbreviation.chars().allMatch(Character::isLetter) ? abbreviation : "<" + abbreviation + ">";
    }

    /** Abbreviations from the JDK's English short names, IANA's numeric form where it has none. */
    private static final class Names {
        private final int standard;
        private final int daylight;
        private final String standardName;
        private final String daylightName;

        Names(TimeZone zone) {
            standard = zone.getRawOffset() / 1000;
            daylight = standard + (zone.getDSTSavings() != 0 ? zone.getDSTSavings() / 1000 : 3600);
            standardName = zone.getDisplayName(false, TimeZone.SHORT, Locale.US);
            daylightName = zone.getDisplayName(true, TimeZone.SHORT, Locale.US);
        }

        String of(int offset, boolean dst) {
            String name = !dst && offset == standard ? standardName : dst && offset == daylight ? daylightName : null;
            if (name != null) {
                Matcher m = GMT_NAME.matcher(name);
                if (!m.matches()) {
                    return name;
                }
            }
            return numeric(offset);
        }

        /** IANA's numeric abbreviation: +03, -0330, +054521. */
        private static String numeric(int offset) {
            int s = Math.abs(offset);
            String out = (offset < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", s / 3600);
            if (s % 3600 != 0) {
                out += String.format(Locale.ROOT, "%02d", s % 3600 / 60);
                if (s % 60 != 0) {
                    out += String.format(Locale.ROOT, "%02d", s % 60);
                }
            }
            return out;
        }
    }

    @Override
    public Object getMember(String key) {
        return members.get(key);
    }

    @Override
    public Object getMemberKeys() {
        return members.keySet().toArray(new String[0]);
    }

    @Override
    public boolean hasMember(String key) {
        return members.containsKey(key);
    }

    @Override
    public void putMember(String key, Value value) {
        throw new UnsupportedOperationException("the time-zone database is read-only");
    }
}
