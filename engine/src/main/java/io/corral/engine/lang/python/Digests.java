package io.corral.engine.lang.python;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.Blake2sDigest;
import org.bouncycastle.crypto.digests.MD5Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA512tDigest;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.bouncycastle.crypto.generators.SCrypt;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The {@code hashlib} algorithms GraalPy lacks or limits ({@code blake2b}/{@code blake2s} with a
 * key, salt, personalization or any digest size; {@code shake_128}/{@code shake_256} of any length;
 * {@code sha512_224}, {@code sha512_256}, {@code md5-sha1}; {@code scrypt}), from BouncyCastle, the
 * library GraalPy's own {@code hashlib} is built on. The guest side is {@code hashlib_shim.py}, which
 * checks arguments as CPython does.
 *
 * <p>Bytes travel as Latin-1 strings. {@code create(name, digest_size, key, salt, person)} returns a
 * hash ({@code update(data)}, {@code digest(length)}, {@code copy()}) or null;
 * {@code scrypt(password, salt, n, r, p, dklen)} returns the key or null. Every size is bounded (a
 * host call cannot be cancelled by the deadline, so none may take long), and nothing here throws a
 * Java exception into the guest: bad arguments are answered with null.
 */
final class Digests implements ProxyObject {

    static final Digests INSTANCE = new Digests();

    /** scrypt's memory (128 * r * n bytes) and work (times p), as CPython bounds its maxmem. */
    static final long SCRYPT_MAX_MEMORY = 64L << 20;
    static final long SCRYPT_MAX_WORK = 256L << 20;
    /** The longest SHAKE output and scrypt key handed back. */
    static final int MAX_OUTPUT = 1 << 24;

    private final Map<String, ProxyExecutable> members = Map.of(
            "create", this::create,
            "scrypt", Digests::scrypt);

    private Digests() {
    }

    private Object create(Value... args) {
        if (args.length != 5 || !args[0].isString() || !args[1].fitsInInt()) {
            return null;
        }
        byte[] key = bytesOrNull(args[2]);
        byte[] salt = bytesOrNull(args[3]);
        byte[] person = bytesOrNull(args[4]);
        int size = args[1].asInt();
        Digest d = switch (args[0].asString()) {
            case "blake2b" -> size >= 1 && size <= 64 && length(key) <= 64 && length(salt) == 16 && length(person) == 16
                    ? new Blake2bDigest(key, size, salt, person) : null;
            case "blake2s" -> size >= 1 && size <= 32 && length(key) <= 32 && length(salt) == 8 && length(person) == 8
                    ? new Blake2sDigest(key, size, salt, person) : null;
            case "shake_128" -> new SHAKEDigest(128);
            case "shake_256" -> new SHAKEDigest(256);
            case "sha512_224" -> new SHA512tDigest(224);
            case "sha512_256" -> new SHA512tDigest(256);
            case "md5-sha1" -> new Md5Sha1();
            default -> null;
        };
        return d == null ? null : new Hash(d);
    }

    private static int length(byte[] b) {
        return b == null ? 0 : b.length;
    }

    private static byte[] bytesOrNull(Value v) {
        return v.isString() ? v.asString().getBytes(StandardCharsets.ISO_8859_1) : null;
    }

    private static Object scrypt(Value... args) {
        if (args.length != 6 || !args[0].isString() || !args[1].isString()) {
            return null;
        }
        for (int i = 2; i < 6; i++) {
            if (!args[i].fitsInLong()) {
                return null;
            }
        }
        long n = args[2].asLong();
        long r = args[3].asLong();
        long p = args[4].asLong();
        long dklen = args[5].asLong();
        if (n < 2 || (n & (n - 1)) != 0 || r < 1 || p < 1 || dklen < 1 || dklen > MAX_OUTPUT
                || r > SCRYPT_MAX_MEMORY || n > SCRYPT_MAX_MEMORY || 128 * r * n > SCRYPT_MAX_MEMORY
                || p > SCRYPT_MAX_WORK || 128 * r * n * p > SCRYPT_MAX_WORK) {
            return null;
        }
        byte[] out = SCrypt.generate(args[0].asString().getBytes(StandardCharsets.ISO_8859_1),
                args[1].asString().getBytes(StandardCharsets.ISO_8859_1), (int) n, (int) r, (int) p, (int) dklen);
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** One running hash. */
    static final class Hash implements ProxyObject {
        private final Digest digest;

        Hash(Digest digest) {
            this.digest = digest;
        }

        @Override
        public synchronized Object getMember(String key) {
            return switch (key) {
                case "update" -> (ProxyExecutable) args -> {
                    if (args.length == 1 && args[0].isString()) {
                        byte[] data = args[0].asString().getBytes(StandardCharsets.ISO_8859_1);
                        synchronized (this) {
                            digest.update(data, 0, data.length);
                        }
                        return true;
                    }
                    return null;
                };
                case "digest" -> (ProxyExecutable) args -> args.length == 1 && args[0].fitsInInt() ? digest(args[0].asInt()) : null;
                case "copy" -> (ProxyExecutable) args -> new Hash(copy());
                default -> null;
            };
        }

        /** The digest so far, the hash going on unchanged; {@code length} for SHAKE, else ignored. */
        private synchronized String digest(int length) {
            Digest d = copy();
            byte[] out;
            if (d instanceof SHAKEDigest shake) {
                if (length < 0 || length > MAX_OUTPUT) {
                    return null;
                }
                out = new byte[length];
                shake.doFinal(out, 0, length);
            } else {
                out = new byte[d.getDigestSize()];
                d.doFinal(out, 0);
            }
            return new String(out, StandardCharsets.ISO_8859_1);
        }

        private synchronized Digest copy() {
            return switch (digest) {
                case Blake2bDigest b -> new Blake2bDigest(b);
                case Blake2sDigest s -> new Blake2sDigest(s);
                case SHAKEDigest s -> new SHAKEDigest(s);
                case SHA512tDigest t -> new SHA512tDigest(t);
                case Md5Sha1 m -> new Md5Sha1(m);
                default -> throw new IllegalStateException("no copy for " + digest.getAlgorithmName());
            };
        }

        @Override
        public Object getMemberKeys() {
            return new String[] {"update", "digest", "copy"};
        }

        @Override
        public boolean hasMember(String key) {
            return key.equals("update") || key.equals("digest") || key.equals("copy");
        }

        @Override
        public void putMember(String key, Value value) {
            throw new UnsupportedOperationException("a hash is read-only");
        }
    }

    /** OpenSSL's md5-sha1: the MD5 digest followed by the SHA-1 digest of the same data (TLS 1.0). */
    static final class Md5Sha1 implements Digest {
        private final MD5Digest md5;
        private final SHA1Digest sha1;

        Md5Sha1() {
            this(new MD5Digest(), new SHA1Digest());
        }

        Md5Sha1(Md5Sha1 other) {
            this(new MD5Digest(other.md5), new SHA1Digest(other.sha1));
        }

        private Md5Sha1(MD5Digest md5, SHA1Digest sha1) {
            this.md5 = md5;
            this.sha1 = sha1;
        }

        @Override
        public String getAlgorithmName() {
            return "MD5-SHA1";
        }

        @Override
        public int getDigestSize() {
            return 36;
        }

        @Override
        public void update(byte in) {
            md5.update(in);
            sha1.update(in);
        }

        @Override
        public void update(byte[] in, int off, int len) {
            md5.update(in, off, len);
            sha1.update(in, off, len);
        }

        @Override
        public int doFinal(byte[] out, int off) {
            md5.doFinal(out, off);
            sha1.doFinal(out, off + 16);
            return 36;
        }

        @Override
        public void reset() {
            md5.reset();
            sha1.reset();
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
        throw new UnsupportedOperationException("the digests are read-only");
    }
}
