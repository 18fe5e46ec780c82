# pyexpat, the module under xml.etree.ElementTree, xml.dom.minidom, xml.sax and plistlib. GraalPy
# ships it as a C extension (expat) that cannot load without native access; this one has expat's
# interface (ParserCreate, the handlers, buffer_text, ordered_attributes, ExpatError with expat's
# codes) and parses with the host's XmlParsers (the JDK's parser, which reads nothing but the given
# bytes). A document is parsed when it is complete (Parse(..., True), ParseFile, or a parser's
# close()): handlers run then, in document order. Evaluated as an internal source; its value is the
# function that makes the import finder.


def _corral_pyexpat_finder(backend):
    import sys

    def build():
        import json
        import types

        messages = {
            1: "out of memory", 2: "syntax error", 3: "no element found", 4: "not well-formed (invalid token)",
            5: "unclosed token", 6: "partial character", 7: "mismatched tag", 8: "duplicate attribute",
            9: "junk after document element", 10: "illegal parameter entity reference", 11: "undefined entity",
            12: "recursive entity reference", 13: "asynchronous entity", 14: "reference to invalid character number",
            15: "reference to binary entity", 16: "reference to external entity in attribute",
            17: "XML or text declaration not at start of entity", 18: "unknown encoding",
            19: "encoding specified in XML declaration is incorrect", 20: "unclosed CDATA section",
            21: "error in processing external entity reference", 22: "document is not standalone",
            23: "unexpected parser state - please send a bug report", 24: "entity declared in parameter entity",
            25: "requested feature requires XML_DTD support in Expat",
            26: "cannot change setting once parsing has begun", 27: "unbound prefix", 28: "must not undeclare prefix",
            29: "incomplete markup in parameter entity", 30: "XML declaration not well-formed",
            31: "text declaration not well-formed", 32: "illegal character(s) in public id", 33: "parser suspended",
            34: "parser not suspended", 35: "parsing aborted", 36: "parsing finished",
            37: "cannot suspend in external parameter entity",
            38: "reserved prefix (xml) must not be undeclared or bound to another namespace name",
            39: "reserved prefix (xmlns) must not be declared or undeclared",
            40: "prefix must not be bound to one of the reserved namespace names", 41: "invalid argument",
            42: "a successful prior call to function XML_GetBuffer is required",
            43: "limit on input amplification factor (from DTD and entities) breached",
        }
        names = ["NO_MEMORY", "SYNTAX", "NO_ELEMENTS", "INVALID_TOKEN", "UNCLOSED_TOKEN", "PARTIAL_CHAR",
                 "TAG_MISMATCH", "DUPLICATE_ATTRIBUTE", "JUNK_AFTER_DOC_ELEMENT", "PARAM_ENTITY_REF",
                 "UNDEFINED_ENTITY", "RECURSIVE_ENTITY_REF", "ASYNC_ENTITY", "BAD_CHAR_REF", "BINARY_ENTITY_REF",
                 "ATTRIBUTE_EXTERNAL_ENTITY_REF", "MISPLACED_XML_PI", "UNKNOWN_ENCODING", "INCORRECT_ENCODING",
                 "UNCLOSED_CDATA_SECTION", "EXTERNAL_ENTITY_HANDLING", "NOT_STANDALONE", "UNEXPECTED_STATE",
                 "ENTITY_DECLARED_IN_PE", "FEATURE_REQUIRES_XML_DTD", "CANT_CHANGE_FEATURE_ONCE_PARSING",
                 "UNBOUND_PREFIX", "UNDECLARING_PREFIX", "INCOMPLETE_PE", "XML_DECL", "TEXT_DECL", "PUBLICID",
                 "SUSPENDED", "NOT_SUSPENDED", "ABORTED", "FINISHED", "SUSPEND_PE", "RESERVED_PREFIX_XML",
                 "RESERVED_PREFIX_XMLNS", "RESERVED_NAMESPACE_URI", "INVALID_ARGUMENT", "NO_BUFFER",
                 "AMPLIFICATION_LIMIT_BREACH"]

        module = types.ModuleType("pyexpat", "Python wrapper for Expat parser.")
        errors = types.ModuleType("pyexpat.errors", "Constants used to describe error conditions.")
        errors.messages = dict(messages)
        errors.codes = {m: c for c, m in messages.items()}
        for code, name in enumerate(names, 1):
            setattr(errors, "XML_ERROR_" + name, messages[code])
        model = types.ModuleType("pyexpat.model", "Constants used to interpret content model information.")
        for name, value in (("XML_CTYPE_EMPTY", 1), ("XML_CTYPE_ANY", 2), ("XML_CTYPE_MIXED", 3),
                            ("XML_CTYPE_NAME", 4), ("XML_CTYPE_CHOICE", 5), ("XML_CTYPE_SEQ", 6),
                            ("XML_CQUANT_NONE", 0), ("XML_CQUANT_OPT", 1), ("XML_CQUANT_REP", 2),
                            ("XML_CQUANT_PLUS", 3)):
            setattr(model, name, value)

        class ExpatError(Exception):
            pass

        ExpatError.__module__ = "xml.parsers.expat"

        handler_names = (
            "StartElementHandler", "EndElementHandler", "ProcessingInstructionHandler", "CharacterDataHandler",
            "UnparsedEntityDeclHandler", "NotationDeclHandler", "StartNamespaceDeclHandler",
            "EndNamespaceDeclHandler", "CommentHandler", "StartCdataSectionHandler", "EndCdataSectionHandler",
            "DefaultHandler", "DefaultHandlerExpand", "NotStandaloneHandler", "ExternalEntityRefHandler",
            "StartDoctypeDeclHandler", "EndDoctypeDeclHandler", "EntityDeclHandler", "XmlDeclHandler",
            "ElementDeclHandler", "AttlistDeclHandler", "SkippedEntityHandler")

        class xmlparser:
            """XML parser"""

            def __init__(self, encoding, separator, intern):
                for h in handler_names:
                    object.__setattr__(self, h, None)
                self._encoding = encoding
                self._separator = separator
                self._chunks = []
                self._text_input = False
                self._finished = False
                self._pending = []
                self._base = None
                self.intern = intern
                self.buffer_text = False
                self.buffer_size = 8192
                self.ordered_attributes = False
                self.specified_attributes = False
                self.namespace_prefixes = False
                self.ErrorCode = 0
                self.ErrorLineNumber = 1
                self.ErrorColumnNumber = 0
                self.ErrorByteIndex = -1
                self.CurrentLineNumber = 1
                self.CurrentColumnNumber = 0
                self.CurrentByteIndex = -1

            @property
            def buffer_used(self):
                return sum(len(t) for t in self._pending)

            def Parse(self, data, isfinal=False, /):
                """Parse XML data. isfinal should be true at end of input."""
                if self._finished:
                    self._fail(36, self.CurrentLineNumber, self.CurrentColumnNumber)
                if isinstance(data, str):
                    self._text_input = True
                    data = data.encode("utf-8")
                elif not isinstance(data, (bytes, bytearray)):
                    data = bytes(memoryview(data))
                if data:
                    self._chunks.append(bytes(data))
                if isfinal:
                    self._finished = True
                    self._run(b"".join(self._chunks))
                    self._chunks = []
                return 1

            def ParseFile(self, file, /):
                """Parse XML data from file-like object."""
                read = getattr(file, "read", None)
                if read is None:
                    raise TypeError("argument must have 'read' attribute")
                while True:
                    data = read(65536)
                    if not data:
                        break
                    if not isinstance(data, (bytes, bytearray, str)):
                        raise TypeError("read() did not return a bytes object (type=%s)" % type(data).__name__)
                    self.Parse(data, False)
                return self.Parse(b"", True)

            def SetBase(self, base, /):
                self._base = base

            def GetBase(self):
                return self._base

            def GetInputContext(self):
                return None

            def ExternalEntityParserCreate(self, context, encoding=None, /):
                child = xmlparser(encoding or self._encoding, self._separator, self.intern)
                for h in handler_names:
                    setattr(child, h, getattr(self, h))
                return child

            def SetParamEntityParsing(self, flag, /):
                return 1

            def UseForeignDTD(self, flag=True, /):
                return None

            def GetReparseDeferralEnabled(self):
                return False

            def SetReparseDeferralEnabled(self, enabled, /):
                return None

            def _fail(self, code, line, column):
                self.ErrorCode, self.ErrorLineNumber, self.ErrorColumnNumber = code, line, column
                error = ExpatError("%s: line %d, column %d" % (messages.get(code, "error"), line, column))
                error.code, error.lineno, error.offset = code, line, column
                raise error

            def _name(self, raw):
                if self._separator is not None:
                    uri, local, prefix = raw.split("\0")
                    if uri:
                        raw = uri + self._separator + local
                        if self.namespace_prefixes and prefix:
                            raw += self._separator + prefix
                    else:
                        raw = local
                if self.intern is not None:
                    raw = self.intern.setdefault(raw, raw)
                return raw

            def _flush(self):
                if self._pending:
                    text = "".join(self._pending)
                    self._pending = []
                    if self.CharacterDataHandler is not None:
                        self.CharacterDataHandler(text)

            def _text(self, text):
                if not self.buffer_text:
                    if self.CharacterDataHandler is not None:
                        self.CharacterDataHandler(text)
                    return
                self._pending.append(text)
                if self.buffer_used >= self.buffer_size:
                    self._flush()

            def _run(self, data):
                encoding = "utf-8" if self._text_input else self._encoding
                parse = backend.parse(data.decode("latin-1"), encoding, self._separator is not None)
                if parse is None:
                    self._fail(18, 1, 0)
                while True:
                    batch = json.loads(parse.next())
                    if not batch:
                        break
                    for event in batch:
                        self._dispatch(event)
                self._flush()

            def _dispatch(self, event):
                kind = event[0]
                if kind == "t":
                    self._text(event[1])
                    return
                if kind == "C" and self.StartCdataSectionHandler is None:
                    self._text(event[1])
                    return
                self._flush()
                if kind == "s":
                    self.CurrentLineNumber, self.CurrentColumnNumber = event[3], event[4]
                    handler = self.StartElementHandler
                    if handler is not None:
                        raw = event[2]
                        attributes = []
                        for i in range(0, len(raw), 3):
                            if self.specified_attributes and not raw[i + 2]:
                                continue
                            attributes.append((self._name(raw[i]), raw[i + 1]))
                        if self.ordered_attributes:
                            handler(self._name(event[1]), [x for pair in attributes for x in pair])
                        else:
                            handler(self._name(event[1]), dict(attributes))
                elif kind == "e":
                    self.CurrentLineNumber, self.CurrentColumnNumber = event[2], event[3]
                    if self.EndElementHandler is not None:
                        self.EndElementHandler(self._name(event[1]))
                elif kind == "n":
                    if self.StartNamespaceDeclHandler is not None:
                        self.StartNamespaceDeclHandler(event[1] or None, event[2] or "")
                elif kind == "N":
                    if self.EndNamespaceDeclHandler is not None:
                        self.EndNamespaceDeclHandler(event[1] or None)
                elif kind == "C":
                    self.StartCdataSectionHandler()
                    self._text(event[1])
                    self._flush()
                    if self.EndCdataSectionHandler is not None:
                        self.EndCdataSectionHandler()
                elif kind == "c":
                    if self.CommentHandler is not None:
                        self.CommentHandler(event[1])
                elif kind == "p":
                    if self.ProcessingInstructionHandler is not None:
                        self.ProcessingInstructionHandler(event[1], event[2])
                elif kind == "x":
                    if self.XmlDeclHandler is not None:
                        self.XmlDeclHandler(event[1], event[2], event[3])
                elif kind == "d":
                    if self.StartDoctypeDeclHandler is not None:
                        self.StartDoctypeDeclHandler(event[1], event[2], event[3], int(event[4]))
                elif kind == "E":
                    if self.EntityDeclHandler is not None:
                        self.EntityDeclHandler(event[1], 0, event[2], self._base, event[3], event[4], event[5])
                elif kind == "D":
                    if self.EndDoctypeDeclHandler is not None:
                        self.EndDoctypeDeclHandler()
                elif kind == "r":
                    handler = self.DefaultHandlerExpand or self.DefaultHandler
                    if handler is not None:
                        handler("&%s;" % event[1])
                    elif self.SkippedEntityHandler is not None:
                        self.SkippedEntityHandler(event[1], 0)
                elif kind == "!":
                    self._fail(event[1], event[2], event[3])

        xmlparser.__module__ = "pyexpat"

        def ParserCreate(encoding=None, namespace_separator=None, intern=None):
            """Return a new XML parser object."""
            if encoding is not None and not isinstance(encoding, str):
                raise TypeError("ParserCreate() argument 'encoding' must be str or None, not %s"
                                % type(encoding).__name__)
            if namespace_separator is not None:
                if not isinstance(namespace_separator, str):
                    raise TypeError("ParserCreate() argument 'namespace_separator' must be str or None, not %s"
                                    % type(namespace_separator).__name__)
                if len(namespace_separator) > 1:
                    raise ValueError("namespace_separator must be at most one character, omitted, or None")
            if intern is None:
                intern = {}
            elif not isinstance(intern, dict):
                raise TypeError("intern must be a dictionary")
            return xmlparser(encoding, namespace_separator, intern)

        def ErrorString(code, /):
            """Returns string error for given number."""
            return messages.get(code)

        module.ParserCreate = ParserCreate
        module.ErrorString = ErrorString
        module.ExpatError = module.error = ExpatError
        module.XMLParserType = xmlparser
        module.EXPAT_VERSION = "expat_2.6.3"
        module.version_info = (2, 6, 3)
        module.native_encoding = "UTF-8"
        module.features = [("sizeof(XML_Char)", 1), ("sizeof(XML_LChar)", 1), ("XML_DTD", 0),
                           ("XML_CONTEXT_BYTES", 1024), ("XML_NS", 0)]
        module.XML_PARAM_ENTITY_PARSING_NEVER = 0
        module.XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE = 1
        module.XML_PARAM_ENTITY_PARSING_ALWAYS = 2
        module.errors = errors
        module.model = model
        sys.modules["pyexpat.errors"] = errors
        sys.modules["pyexpat.model"] = model
        return module

    class Loader:
        def create_module(self, spec):
            return build()

        def exec_module(self, module):
            pass

    class Finder:
        """Finds pyexpat before GraalPy's C extension of that name."""

        def find_spec(self, fullname, path=None, target=None):
            if fullname != "pyexpat":
                return None
            import importlib.machinery
            return importlib.machinery.ModuleSpec("pyexpat", Loader(), origin="built-in")

        def invalidate_caches(self):
            pass

    return Finder()


_corral_pyexpat_finder
