# Completes GraalPy's hashlib: blake2b/blake2s with key, salt, person and any digest size,
# shake_128/shake_256 of any length, sha512_224, sha512_256 and md5-sha1 through hashlib.new, scrypt,
# and CPython's algorithms_available. The hashing itself is the host's Digests (BouncyCastle, which
# GraalPy's own hashlib uses); argument checks and errors are CPython's. Evaluated as an internal
# source; its value is the function that completes the module.


def _corral_hashlib_install(hashlib, digests):
    def as_bytes(data):
        if isinstance(data, str):
            raise TypeError("Strings must be encoded before hashing")
        return bytes(memoryview(data))

    class _Hash:
        """A hash object whose state lives on the host."""

        __slots__ = ("_host", "_name", "_digest_size", "_block_size")

        def __init__(self, name, host, digest_size, block_size, data):
            self._host, self._name, self._digest_size, self._block_size = host, name, digest_size, block_size
            if data is not None:
                self.update(data)

        @property
        def name(self):
            return self._name

        @property
        def digest_size(self):
            return self._digest_size

        @property
        def block_size(self):
            return self._block_size

        def update(self, data, /):
            """Update this hash object's state with the provided bytes-like object."""
            data = as_bytes(data)
            if data:
                self._host.update(data.decode("latin-1"))

        def digest(self):
            """Return the digest value as a bytes object."""
            return self._host.digest(0).encode("latin-1")

        def hexdigest(self):
            """Return the digest value as a string of hexadecimal digits."""
            return self.digest().hex()

        def copy(self):
            """Return a copy of the hash object."""
            other = object.__new__(type(self))
            other._host, other._name = self._host.copy(), self._name
            other._digest_size, other._block_size = self._digest_size, self._block_size
            return other

        def __repr__(self):
            return "<%s %s object @ %s>" % (self._name, type(self).__name__, hex(id(self)))

    def blake2(name, salt_size, max_size):
        class blake2(_Hash):
            __slots__ = ()
            SALT_SIZE = PERSON_SIZE = salt_size
            MAX_KEY_SIZE = MAX_DIGEST_SIZE = max_size

            def __init__(self, data=b"", /, *, digest_size=max_size, key=b"", salt=b"", person=b"", fanout=1, depth=1,
                         leaf_size=0, node_offset=0, node_depth=0, inner_size=0, last_node=False,
                         usedforsecurity=True):
                key, salt, person = as_bytes(key), as_bytes(salt), as_bytes(person)
                if not 1 <= digest_size <= max_size:
                    raise ValueError("digest_size must be between 1 and %d bytes" % max_size)
                if len(key) > max_size:
                    raise ValueError("maximum key length is %d bytes" % max_size)
                if len(salt) > salt_size:
                    raise ValueError("maximum salt length is %d bytes" % salt_size)
                if len(person) > salt_size:
                    raise ValueError("maximum person length is %d bytes" % salt_size)
                if (fanout, depth, leaf_size, node_offset, node_depth, inner_size, last_node) != (1, 1, 0, 0, 0, 0, False):
                    raise ValueError("BLAKE2 tree hashing (fanout, depth, leaf_size, node_offset, node_depth, "
                                     "inner_size, last_node) is not available in this sandbox; sequential "
                                     "hashing with key, salt and person is")
                host = digests.create(name, digest_size, key.decode("latin-1") or None,
                                      salt.ljust(salt_size, b"\0").decode("latin-1"),
                                      person.ljust(salt_size, b"\0").decode("latin-1"))
                super().__init__(name, host, digest_size, max_size * 2, data)

        blake2.__name__ = blake2.__qualname__ = name
        blake2.__module__ = "_blake2"
        return blake2

    blake2b = blake2("blake2b", 16, 64)
    blake2s = blake2("blake2s", 8, 32)

    def shake(name, block_size):
        class shake(_Hash):
            __slots__ = ()

            def __init__(self, data=b"", /, *, usedforsecurity=True):
                super().__init__(name, digests.create(name, 0, None, None, None), 0, block_size, data)

            def digest(self, length):
                """Return the digest value as a bytes object."""
                if length < 0:
                    raise ValueError("length must be non-negative")
                value = self._host.digest(length)
                if value is None:
                    raise ValueError("digest length is too large")
                return value.encode("latin-1")

            def hexdigest(self, length):
                """Return the digest value as a string of hexadecimal digits."""
                return self.digest(length).hex()

        shake.__name__ = shake.__qualname__ = name
        shake.__module__ = "_sha3"
        return shake

    shake_128 = shake("shake_128", 168)
    shake_256 = shake("shake_256", 136)

    class _Fixed(_Hash):
        __slots__ = ()

    sizes = {"sha512_224": (28, 128), "sha512_256": (32, 128), "md5-sha1": (36, 64)}
    constructors = {"blake2b": blake2b, "blake2s": blake2s, "shake_128": shake_128, "shake_256": shake_256}
    original_new = hashlib.new

    def new(name, data=b"", **kwargs):
        """new(name, data=b'') - Return a new hashing object using the named algorithm;
        optionally initialized with data (which must be a bytes-like object)."""
        key = name.lower() if isinstance(name, str) else name
        if key in constructors:
            kwargs.pop("usedforsecurity", None)
            return constructors[key](data, **kwargs)
        if key in sizes:
            size, block = sizes[key]
            return _Fixed(key, digests.create(key, size, None, None, None), size, block, data)
        return original_new(name, data, **kwargs)

    def scrypt(password, *, salt=None, n=None, r=None, p=None, maxmem=0, dklen=64):
        """scrypt password-based key derivation function."""
        if salt is None:
            raise TypeError("salt is required")
        if n is None or not isinstance(n, int) or n < 2 or n & (n - 1):
            raise ValueError("n must be a power of 2.")
        for value, what in ((r, "r"), (p, "p")):
            if not isinstance(value, int):
                raise TypeError("%s is required" % what)
        if maxmem < 0 or maxmem > 0x7FFFFFFF:
            raise ValueError("maxmem must be positive and smaller than %d" % 0x7FFFFFFF)
        if not 1 <= dklen <= 0x7FFFFFFF:
            raise ValueError("dklen must be greater than 0 and smaller than %d" % 0x7FFFFFFF)
        limit = maxmem or 32 * 1024 * 1024
        if 128 * r * n > limit:
            raise ValueError("Invalid parameter combination for n, r, p, maxmem.")
        key = digests.scrypt(as_bytes(password).decode("latin-1"), as_bytes(salt).decode("latin-1"), n, r, p, dklen)
        if key is None:
            raise ValueError("Invalid parameter combination for n, r, p, maxmem.")
        return key.encode("latin-1")

    hashlib.new = new
    hashlib.blake2b, hashlib.blake2s = blake2b, blake2s
    hashlib.shake_128, hashlib.shake_256 = shake_128, shake_256
    hashlib.scrypt = scrypt
    hashlib.algorithms_available = set(hashlib.algorithms_guaranteed) | {
        "md5-sha1", "ripemd160", "sha512_224", "sha512_256", "sm3"}
    if "scrypt" not in hashlib.__all__:
        hashlib.__all__ = tuple(hashlib.__all__) + ("scrypt",)


_corral_hashlib_install
