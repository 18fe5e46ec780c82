package io.corral.engine.lang.python;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.util.VersionInfo;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The parts of Python's {@code unicodedata} that GraalPy takes from a C extension (which cannot
 * load without native access): {@code combining}, {@code east_asian_width}, {@code decomposition},
 * {@code decimal}, {@code digit}, {@code numeric}, {@code mirrored}, {@code lookup}, and whether a
 * character was assigned in Unicode 3.2 (for {@code ucd_3_2_0}, which IDNA uses). Answered from
 * ICU4J, the library GraalPy's own {@code unicodedata.category}, {@code name} and {@code normalize}
 * use, so all of them agree on one Unicode version.
 *
 * <p>The guest side is {@code unicodedata_shim.py}, which checks arguments the way CPython does and
 * raises its errors. Every member takes one code point (an int in [0, 0x10FFFF]) or, for
 * {@code lookup}, a name; anything else is answered with null, never with a Java exception.
 * Stateless: one instance serves every context.
 */
final class UnicodeDatabase implements ProxyObject {

    static final UnicodeDatabase INSTANCE = new UnicodeDatabase();

    private static final Normalizer2 NFKD = Normalizer2.getNFKDInstance();
    private static final VersionInfo UNICODE_3_2 = VersionInfo.getInstance(3, 2);
    private static final int HANGUL_FIRST = 0xAC00;
    private static final int HANGUL_LAST = 0xD7A3;

    private final Map<String, ProxyExecutable> members = Map.of(
            "combining", codePoint(UCharacter::getCombiningClass),
            "east_asian_width", codePoint(UnicodeDatabase::eastAsianWidth),
            "decomposition", codePoint(UnicodeDatabase::decomposition),
            "decimal", codePoint(cp -> numericOfType(cp, UCharacter.NumericType.DECIMAL)),
            "digit", codePoint(cp -> numericOfType(cp, UCharacter.NumericType.DIGIT)),
            "numeric", codePoint(UnicodeDatabase::numeric),
            "mirrored", codePoint(cp -> UCharacter.isMirrored(cp) ? 1 : 0),
            "assigned_in_3_2", codePoint(UnicodeDatabase::assignedIn32),
            "lookup", args -> args.length == 1 && args[0].isString() ? lookup(args[0].asString()) : null,
            "version", args -> version(UCharacter.getUnicodeVersion()));

    private UnicodeDatabase() {
    }

    private static ProxyExecutable codePoint(Function<Integer, Object> f) {
        return args -> {
            if (args.length != 1 || !args[0].fitsInInt()) {
                return null;
            }
            int cp = args[0].asInt();
            return cp < 0 || cp > Character.MAX_CODE_POINT ? null : f.apply(cp);
        };
    }

    private static String version(VersionInfo v) {
        return v.getMajor() + "." + v.getMinor() + "." + v.getMilli();
    }

    private static String eastAsianWidth(int cp) {
        return UCharacter.getPropertyValueName(UProperty.EAST_ASIAN_WIDTH,
                UCharacter.getIntPropertyValue(cp, UProperty.EAST_ASIAN_WIDTH), UProperty.NameChoice.SHORT);
    }

    /** UnicodeData.txt's field 5 as CPython prints it: {@code <tag> }hex code points, one step only. */
    private static String decomposition(int cp) {
        if (cp >= HANGUL_FIRST && cp <= HANGUL_LAST) {
            return ""; // algorithmic, not listed in UnicodeData.txt (CPython answers "" too)
        }
        String mapping = NFKD.getRawDecomposition(cp);
        if (mapping == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        String tag = tag(UCharacter.getIntPropertyValue(cp, UProperty.DECOMPOSITION_TYPE));
        if (tag != null) {
            sb.append('<').append(tag).append('>');
        }
        mapping.codePoints().forEach(c -> {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(String.format(Locale.ROOT, "%04X", c));
        });
        return sb.toString();
    }

    private static String tag(int type) {
        return switch (type) {
            case UCharacter.DecompositionType.CANONICAL, UCharacter.DecompositionType.NONE -> null;
            case UCharacter.DecompositionType.CIRCLE -> "circle";
            case UCharacter.DecompositionType.FINAL -> "final";
            case UCharacter.DecompositionType.FONT -> "font";
            case UCharacter.DecompositionType.FRACTION -> "fraction";
            case UCharacter.DecompositionType.INITIAL -> "initial";
            case UCharacter.DecompositionType.ISOLATED -> "isolated";
            case UCharacter.DecompositionType.MEDIAL -> "medial";
            case UCharacter.DecompositionType.NARROW -> "narrow";
            case UCharacter.DecompositionType.NOBREAK -> "noBreak";
            case UCharacter.DecompositionType.SMALL -> "small";
            case UCharacter.DecompositionType.SQUARE -> "square";
            case UCharacter.DecompositionType.SUB -> "sub";
            case UCharacter.DecompositionType.SUPER -> "super";
            case UCharacter.DecompositionType.VERTICAL -> "vertical";
            case UCharacter.DecompositionType.WIDE -> "wide";
            default -> "compat";
        };
    }

    /** The value as a float, or null when the character has none. */
    private static Object numeric(int cp) {
        double v = UCharacter.getUnicodeNumericValue(cp);
        return v == UCharacter.NO_NUMERIC_VALUE ? null : v;
    }

    /** decimal: Numeric_Type=Decimal only; digit: Decimal or Digit. The value, or null. */
    private static Object numericOfType(int cp, int widest) {
        int type = UCharacter.getIntPropertyValue(cp, UProperty.NUMERIC_TYPE);
        if (type == UCharacter.NumericType.NONE || type > widest) {
            return null;
        }
        double v = UCharacter.getUnicodeNumericValue(cp);
        return v == UCharacter.NO_NUMERIC_VALUE ? null : (int) v;
    }

    private static Object assignedIn32(int cp) {
        return UCharacter.getType(cp) != UCharacter.UNASSIGNED && UCharacter.getAge(cp).compareTo(UNICODE_3_2) <= 0;
    }

    /** A character's name or alias, case-insensitively, as CPython's lookup; -1 when there is none. */
    private static int lookup(String name) {
        if (name.length() > 256) {
            return -1;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        int cp = UCharacter.getCharFromName(upper);
        if (cp < 0) {
            cp = UCharacter.getCharFromNameAlias(upper);
        }
        return cp;
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
        throw new UnsupportedOperationException("the Unicode database is read-only");
    }
}
