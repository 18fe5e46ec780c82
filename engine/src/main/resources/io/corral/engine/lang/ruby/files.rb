# Corral's Ruby files: evaluated once in every fresh context, after the prelude. Evaluates to a
# lambda that installs, given a lambda answering the bound execution's host bridge, File, IO, Dir and
# Kernel#open over the execution's own in-memory files: the request's inputs read-only under
# /mnt/req and a scratch /tmp that is gone after the execution (GuestFileSystem, through the
# bridge's readFile and fs). TruffleRuby's File works through POSIX calls, which need native
# access, which in-process Ruby does not have; nothing here can reach the host's disk.
#
# An open file is a real File object whose IO methods are served by a StringIO (the standard
# library's in-memory IO) holding the file's contents: what is written reaches the file when it is
# flushed or closed (or at once with sync = true), as CRuby's buffered files do. Errors are CRuby's
# own, with its messages (`No such file or directory @ rb_sysopen - /tmp/x`). The working directory
# is /tmp. Names, not file descriptors: no links, permissions or owners beyond what CRuby reports
# for a fresh file.
#
# In a worker process (in_worker: native access inside the OS sandbox) the same files are the
# script's, and the standard library may also read its own files in TruffleRuby's home (read-only
# in the sandbox: FFI's type tables, which socket needs) through the real File.
lambda do |current_host, in_worker|
  home_readers = %i[open new read binread readlines foreach exist? file? directory? readable? size size? zero?
                    empty? stat lstat ftype mtime realpath]
  real_file = home_readers.to_h { |name| [name, File.singleton_class.instance_method(name)] }
  started = Time.now
  cwd = '/tmp'
  next_fileno = 5
  handles = {}.compare_by_identity # File => its GuestFile
  times = {}                         # path => modification time of the files written here

  # Errno as CRuby raises it: "<strerror> @ <function> - <path>"
  fail_with = lambda do |errno, function, path|
    error = errno.new
    strerror = error.message
    Exception.instance_method(:initialize).bind_call(error, "#{strerror} @ #{function} - #{path}")
    raise error
  end
  errno_of = {
    'ENOENT' => Errno::ENOENT, 'EROFS' => Errno::EROFS, 'EISDIR' => Errno::EISDIR,
    'ENOTEMPTY' => Errno::ENOTEMPTY, 'ENOTDIR' => Errno::ENOTDIR, 'EEXIST' => Errno::EEXIST
  }

  to_path = ->(path) { Truffle::Type.coerce_to_path(path) }
  raw_expand = File.method(:expand_path)
  absolute = ->(path) { raw_expand.call(path, cwd) }

  # the bridge: [ok, data or error code]
  host_read = lambda do |path|
    r = current_host.call.readFile(path)
    r.ok ? [true, r.data.to_s.encode(Encoding::ISO_8859_1).force_encoding(Encoding::BINARY)] : [false, r.code.to_s]
  end
  host_fs = lambda do |op, path, data = ''|
    bytes = data.to_s.b.force_encoding(Encoding::ISO_8859_1).encode(Encoding::UTF_8)
    r = current_host.call.fs(op, path, bytes)
    # a foreign null answers nil? but is not nil itself
    r.ok ? [true, r.data.nil? ? nil : r.data.to_s] : [false, r.code.to_s]
  end
  kind = ->(path) { host_fs.call('kind', absolute.call(path))[1] }
  check = lambda do |result, function, path|
    ok, value = result
    fail_with.call(errno_of.fetch(value, Errno::EIO), function, path) unless ok
    value
  end
  read_bytes = lambda do |path, function = 'rb_sysopen'|
    full = absolute.call(path)
    fail_with.call(Errno::EISDIR, 'io_fread', path) if kind.call(full) == 'directory'
    check.call(host_read.call(full), function, path)
  end
  write_bytes = lambda do |path, bytes, append, function = 'rb_sysopen'|
    full = absolute.call(path)
    fail_with.call(Errno::EISDIR, function, path) if kind.call(full) == 'directory'
    check.call(host_fs.call(append ? 'append' : 'write', full, bytes), function, path)
    times[full] = Time.now
  end
  mtime = ->(full) { times.fetch(full, started) }

  # File.open's mode: a String ("r+b:UTF-8"), File::Constants flags, or mode:/flags:/binmode:/encoding:
  parse_mode = lambda do |mode, options|
    mode = options[:mode] if mode.nil?
    mode ||= 'r'
    spec = { read: false, write: false, append: false, create: false, truncate: false, exclusive: false,
             binary: options[:binmode] ? true : false, encoding: nil }
    if mode.is_a?(Integer)
      mode |= options[:flags].to_i
      access = mode & (File::RDONLY | File::WRONLY | File::RDWR)
      spec[:read] = access != File::WRONLY
      spec[:write] = access != File::RDONLY
      spec[:append] = (mode & File::APPEND) != 0
      spec[:create] = (mode & File::CREAT) != 0
      spec[:truncate] = (mode & File::TRUNC) != 0
      spec[:exclusive] = (mode & File::EXCL) != 0
      spec[:binary] ||= (mode & File::BINARY) != 0
    else
      text, encoding = mode.to_str.split(':', 2)
      raise ArgumentError, "invalid access mode #{text}" unless text.match?(/\A[rwa][+btx]*\z/) &&
                                                               text.count('+') <= 1 && !text.match?(/b.*t|t.*b/)
      plus = text.include?('+')
      case text[0]
      when 'r' then spec.merge!(read: true, write: plus)
      when 'w' then spec.merge!(write: true, read: plus, create: true, truncate: true)
      when 'a' then spec.merge!(write: true, read: plus, create: true, append: true)
      end
      raise ArgumentError, "invalid access mode #{text}" if text.include?('x') && text[0] != 'w'

      spec[:exclusive] = text.include?('x')
      spec[:binary] ||= text.include?('b')
      spec[:encoding] = encoding
    end
    spec[:encoding] = options[:encoding] || options[:external_encoding] || spec[:encoding]
    spec
  end

  # built on first use: StringIO is required then, when an execution's require works
  guest_file_class = nil
  guest_file = lambda do
    next guest_file_class if guest_file_class

    require 'stringio'
    guest_file_class = Class.new(StringIO) do
      attr_reader :path
      attr_accessor :owner

      def initialize(path, full, content, spec, flush_to, fileno)
        @path = path
        @full = full
        @flush_to = flush_to
        @fileno = fileno
        @spec = spec
        @sync = false
        @dirty = false
        @pending = 0
        @flushed = content.bytesize
        access = spec[:read] && spec[:write] ? IO::RDWR : (spec[:write] ? IO::WRONLY : IO::RDONLY)
        super(content, access | (spec[:append] ? IO::APPEND : 0))
      end

      # CRuby writes its 8 KiB buffer out when it fills, and before any seek or read
      def write(*args)
        written = super
        @dirty = true
        @pending += written
        flush if @sync || @pending >= 8192
        written
      end

      %i[seek rewind pos= read readpartial sysread gets readline readlines each_line each getc readchar getbyte
         readbyte each_char each_byte eof? eof].each do |name|
        define_method(name) do |*args, **options, &block|
          flush if @dirty && !closed?
          super(*args, **options, &block)
        end
      end

      def flush
        raise IOError, 'closed stream' if closed?

        if @dirty
          data = string.b
          if @spec[:append]
            @flush_to.call(@path, data.byteslice(@flushed..), true)
          else
            @flush_to.call(@path, data, false)
          end
          @flushed = data.bytesize
          @dirty = false
          @pending = 0
        end
        owner
      end

      def fsync
        flush
        0
      end
      alias_method :fdatasync, :fsync

      def close
        flush unless closed?
        super
      end

      def sync = @sync

      def sync=(value)
        @sync = value ? true : false
        flush if @sync && !closed?
      end

      def fileno
        raise IOError, 'closed stream' if closed?

        @fileno
      end
      alias_method :to_i, :fileno

      def to_path = @path
      def size = string.bytesize
      def tty? = false
      alias_method :isatty, :tty?
      def inspect = "#<File:#{@path}#{closed? ? ' (closed)' : ''}>"
      def to_io = owner
      def flock(*) = 0
      def chmod(*) = 0
      def chown(*) = 0
      def mtime = Time.now
      alias_method :atime, :mtime
      alias_method :ctime, :mtime
      alias_method :birthtime, :mtime
      def stat = File.stat(@full)
      alias_method :lstat, :stat
      def autoclose? = true
      def close_on_exec? = true
      def binmode? = @spec[:binary]

      def binmode
        @spec[:binary] = true
        super
        owner
      end
    end
  end

  # What File.open made: File instances whose IO methods are served by their GuestFile.
  io_methods = %i[read readpartial sysread read_nonblock gets readline readlines each_line each getc readchar getbyte
                  readbyte each_char each_byte each_codepoint ungetc ungetbyte write print puts printf << putc syswrite
                  write_nonblock eof? eof pos pos= tell seek rewind lineno lineno= truncate binmode binmode?
                  set_encoding set_encoding_by_bom external_encoding internal_encoding sync sync= fsync fdatasync
                  flush close close_read close_write closed? fileno to_i to_io tty? isatty size path to_path inspect
                  flock chmod chown mtime atime ctime birthtime stat lstat autoclose? close_on_exec?]
  File.prepend(Module.new do
    io_methods.each do |name|
      define_method(name) do |*args, **options, &block|
        file = handles[self]
        return super(*args, **options, &block) unless file

        result = file.__send__(name, *args, **options, &block)
        result.equal?(file) ? self : result
      end
    end
  end)

  open_file = lambda do |klass, path, mode, perm, options|
    path = to_path.call(path)
    spec = parse_mode.call(mode, options)
    full = absolute.call(path)
    present = kind.call(full)
    fail_with.call(Errno::EEXIST, 'rb_sysopen', path) if spec[:exclusive] && present
    fail_with.call(Errno::EISDIR, 'rb_sysopen', path) if present == 'directory' && spec[:write]
    fail_with.call(Errno::ENOENT, 'rb_sysopen', path) if present.nil? && !(spec[:write] && spec[:create])
    # opening for writing creates (or truncates) the file at once, and is refused outside /tmp
    write_bytes.call(path, '', !spec[:truncate]) if spec[:write]
    content = spec[:truncate] || present.nil? || present == 'directory' ? +'' : read_bytes.call(path).dup
    encoding = spec[:binary] && spec[:encoding].nil? ? Encoding::BINARY : (spec[:encoding] || Encoding.default_external)
    bom = encoding.is_a?(String) && encoding.match?(/\Abom\|/i)
    encoding = Encoding.find(encoding.sub(/\Abom\|/i, '').split(':').first) if encoding.is_a?(String)
    content.force_encoding(encoding)
    content = content.byteslice(3..).force_encoding(encoding) if bom && content.start_with?("\u{FEFF}".encode(encoding))
    flush_to = ->(p, bytes, append) { write_bytes.call(p, bytes, append) }
    file = guest_file.call.new(path, full, content, spec, flush_to, next_fileno)
    next_fileno += 1
    io = klass.allocate
    file.owner = io
    handles[io] = file
    io
  end

  with_file = lambda do |io, &block|
    begin
      block.call(io)
    ensure
      io.close unless io.closed?
    end
  end

  # File.read(path, length = nil, offset = nil, mode:, encoding:, binmode:), IO.read the same
  read_text = lambda do |path, length, offset, options, binary|
    path = to_path.call(path)
    bytes = read_bytes.call(path)
    bytes = bytes.byteslice(offset.to_i..) || '' if offset
    encoding = binary ? Encoding::BINARY : nil
    if options[:mode] || options[:encoding]
      spec = parse_mode.call(options[:mode], options)
      encoding ||= spec[:binary] ? Encoding::BINARY : spec[:encoding]
    end
    encoding = Encoding.find(encoding.to_s.sub(/\Abom\|/i, '')) if encoding && !encoding.is_a?(Encoding)
    if length
      raise ArgumentError, "negative length #{length} given" if length.negative?

      bytes = bytes.byteslice(0, length)
      return bytes.empty? && length.positive? ? nil : bytes
    end
    bytes.dup.force_encoding(encoding || Encoding.default_external)
  end
  write_text = lambda do |path, data, offset, options|
    path = to_path.call(path)
    spec = parse_mode.call(options[:mode] || (offset ? 'r+' : 'w'), options)
    data = data.to_s
    if offset
      old = read_bytes.call(path).b
      old << ("\0" * (offset - old.bytesize)) if old.bytesize < offset
      old[offset, data.bytesize] = data.b
      write_bytes.call(path, old, false)
    else
      write_bytes.call(path, data.b, spec[:append])
    end
    data.bytesize
  end
  lines_of = lambda do |path, args, options|
    io = guest_file.call.superclass.new(read_text.call(path, nil, nil, options, false))
    io.readlines(*args, chomp: options.fetch(:chomp, false))
  end

  entries_of = lambda do |path, function|
    full = absolute.call(to_path.call(path))
    found = kind.call(full)
    fail_with.call(Errno::ENOENT, function, path) if found.nil?
    fail_with.call(Errno::ENOTDIR, function, path) unless found == 'directory'
    list = check.call(host_fs.call('list', full), function, path).to_s
    list.empty? ? [] : list.split("\n")
  end

  # File::Stat for an in-memory file: a file or a directory, owned by the guest, /tmp sticky as usual
  stat_class = Class.new(File::Stat) do
    def self.name = 'File::Stat'
    def self.to_s = name
    def self.inspect = name

    define_method(:initialize) do |full, kind, size, time|
      @kind = kind
      @size = size
      @time = time
      @writable = full == '/tmp' || full.start_with?('/tmp/')
      @mode = if kind == 'directory'
                full == '/tmp' ? 0o41777 : 0o40755
              else
                @writable ? 0o100644 : 0o100444
              end
    end

    def file? = @kind == 'file'
    def directory? = @kind == 'directory'
    def ftype = @kind
    def size = @size
    def size? = @size.zero? ? nil : @size
    def zero? = @size.zero?
    def mode = @mode
    def mtime = @time
    alias_method :atime, :mtime
    alias_method :ctime, :mtime
    alias_method :birthtime, :mtime
    def readable? = true
    alias_method :readable_real?, :readable?
    def writable? = @writable
    alias_method :writable_real?, :writable?
    def executable? = directory?
    alias_method :executable_real?, :executable?
    def world_readable? = 0o444 & @mode
    def world_writable? = (@mode & 0o002).zero? ? nil : (@mode & 0o777)
    def sticky? = (@mode & 0o1000) != 0
    def setuid? = false
    def setgid? = false
    def symlink? = false
    def pipe? = false
    def socket? = false
    def chardev? = false
    def blockdev? = false
    def owned? = true
    def grpowned? = true
    def uid = 1000
    def gid = 1000
    def nlink = directory? ? 2 : 1
    def dev = 1
    def ino = 0
    def rdev = 0
    def blksize = 4096
    def blocks = (@size + 511) / 512
    def <=>(other) = mtime <=> other.mtime
    def inspect = "#<File::Stat mode=0#{@mode.to_s(8)}, size=#{@size}, mtime=#{@time}>"
  end
  stat_of = lambda do |path, function|
    path = to_path.call(path)
    full = absolute.call(path)
    found = kind.call(full)
    fail_with.call(Errno::ENOENT, function, path) if found.nil?
    size = found == 'file' ? check.call(host_read.call(full), function, path).bytesize : 4096
    stat_class.new(full, found, size, mtime.call(full))
  end

  # File.rename and FileUtils.mv: the in-memory tree has no rename, so a copy and a removal
  move = lambda do |from, to|
    case kind.call(from)
    when 'file'
      check.call(host_fs.call('write', to, check.call(host_read.call(from), 'rb_file_s_rename', from)),
                 'rb_file_s_rename', to)
      check.call(host_fs.call('unlink', from), 'rb_file_s_rename', from)
    when 'directory'
      check.call(host_fs.call('mkdir', to), 'rb_file_s_rename', to)
      entries_of.call(from, 'rb_file_s_rename').each { |name| move.call("#{from}/#{name}", "#{to}/#{name}") }
      check.call(host_fs.call('unlink', from), 'rb_file_s_rename', from)
    end
    times[to] = times.delete(from) || Time.now
  end

  File.singleton_class.prepend(Module.new do
    define_method(:open) do |path, mode = nil, perm = nil, **options, &block|
      io = open_file.call(self, path, mode, perm, options)
      block ? with_file.call(io, &block) : io
    end
    define_method(:new) { |path, mode = nil, perm = nil, **options| open_file.call(self, path, mode, perm, options) }
  end)
  file_class_methods = Module.new do
    define_method(:read) do |path, length = nil, offset = nil, **options|
      read_text.call(path, length, offset, options, false)
    end
    define_method(:binread) { |path, length = nil, offset = nil| read_text.call(path, length, offset, {}, true) }
    define_method(:readlines) { |path, *args, **options| lines_of.call(path, args, options) }
    define_method(:foreach) do |path, *args, **options, &block|
      return to_enum(:foreach, path, *args, **options) unless block

      lines_of.call(path, args, options).each(&block)
      nil
    end
    define_method(:write) do |path, data, offset = nil, **options|
      write_text.call(path, data, offset, options)
    end
    define_method(:binwrite) do |path, data, offset = nil, **options|
      write_text.call(path, data, offset, options.merge(binmode: true))
    end
    define_method(:copy_stream) do |source, target, length = nil, offset = nil|
      data = source.respond_to?(:read) ? source.read : read_text.call(source, nil, offset, {}, true)
      data = data.byteslice(0, length) if length
      target.respond_to?(:write) ? target.write(data) : write_text.call(target, data, nil, { binmode: true })
      data.bytesize
    end
  end
  IO.singleton_class.prepend(file_class_methods)
  File.singleton_class.prepend(file_class_methods)

  File.singleton_class.prepend(Module.new do
    define_method(:exist?) { |path| !kind.call(to_path.call(path)).nil? }
    define_method(:file?) { |path| kind.call(to_path.call(path)) == 'file' }
    define_method(:directory?) { |path| kind.call(to_path.call(path)) == 'directory' }
    define_method(:readable?) { |path| !kind.call(to_path.call(path)).nil? }
    define_method(:world_readable?) { |path| exist?(path) ? 0o644 : nil }
    define_method(:writable?) do |path|
      full = absolute.call(to_path.call(path))
      full.start_with?('/tmp/') && !kind.call(full).nil? || full == '/tmp'
    end
    define_method(:world_writable?) { |path| absolute.call(to_path.call(path)) == '/tmp' ? 0o777 : nil }
    define_method(:executable?) { |path| directory?(path) }
    define_method(:executable_real?) { |path| directory?(path) }
    %i[symlink? pipe? socket? blockdev? chardev? setuid? setgid? sticky?].each do |name|
      define_method(name) { |path| name == :sticky? && absolute.call(to_path.call(path)) == '/tmp' }
    end
    define_method(:owned?) { |path| exist?(path) }
    define_method(:size) do |path|
      stat_of.call(path, 'rb_file_s_size').size
    end
    define_method(:size?) do |path|
      exist?(path) ? stat_of.call(path, 'rb_file_s_size').size? : nil
    end
    define_method(:zero?) { |path| file?(path) && stat_of.call(path, 'rb_file_s_size').zero? }
    define_method(:empty?) { |path| zero?(path) }
    define_method(:stat) { |path| stat_of.call(path, 'rb_file_s_stat') }
    define_method(:lstat) { |path| stat_of.call(path, 'rb_file_s_lstat') }
    define_method(:ftype) { |path| stat_of.call(path, 'rb_file_s_ftype').ftype }
    define_method(:mtime) { |path| stat_of.call(path, 'rb_file_s_mtime').mtime }
    define_method(:atime) { |path| stat_of.call(path, 'rb_file_s_atime').atime }
    define_method(:ctime) { |path| stat_of.call(path, 'rb_file_s_ctime').ctime }
    define_method(:birthtime) { |path| stat_of.call(path, 'rb_file_s_birthtime').birthtime }
    define_method(:delete) do |*paths|
      paths.each do |path|
        path = to_path.call(path)
        full = absolute.call(path)
        fail_with.call(Errno::EISDIR, 'apply2files', path) if kind.call(full) == 'directory'
        check.call(host_fs.call('unlink', full), 'apply2files', path)
        times.delete(full)
      end
      paths.size
    end
    alias_method :unlink, :delete
    define_method(:rename) do |from, to|
      from = to_path.call(from)
      to = to_path.call(to)
      fail_with.call(Errno::ENOENT, 'rb_file_s_rename', "(#{from}, #{to})") if kind.call(from).nil?
      full_to = absolute.call(to)
      # only /tmp changes (GuestFileSystem): refused before anything is copied
      [absolute.call(from), full_to].each do |full|
        fail_with.call(Errno::EROFS, 'rb_file_s_rename', "(#{from}, #{to})") unless full.start_with?('/tmp/')
      end
      if kind.call(full_to) == 'file'
        check.call(host_fs.call('unlink', full_to), 'rb_file_s_rename', "(#{from}, #{to})")
      end
      move.call(absolute.call(from), full_to)
      0
    end
    define_method(:truncate) do |path, length|
      path = to_path.call(path)
      bytes = read_bytes.call(path, 'rb_file_s_truncate').b
      bytes = bytes.bytesize > length ? bytes.byteslice(0, length) : bytes + ("\0" * (length - bytes.bytesize))
      write_bytes.call(path, bytes, false, 'rb_file_s_truncate')
      0
    end
    define_method(:chmod) do |_mode, *paths|
      paths.each { |p| fail_with.call(Errno::ENOENT, 'apply2files', to_path.call(p)) unless exist?(p) }
      paths.size
    end
    alias_method :lchmod, :chmod
    define_method(:chown) do |_owner, _group, *paths|
      paths.each { |p| fail_with.call(Errno::ENOENT, 'apply2files', to_path.call(p)) unless exist?(p) }
      paths.size
    end
    alias_method :lchown, :chown
    define_method(:utime) do |_atime, modified, *paths|
      paths.each do |p|
        p = to_path.call(p)
        fail_with.call(Errno::ENOENT, 'apply2files', p) unless exist?(p)
        times[absolute.call(p)] = modified.nil? ? Time.now : (modified.is_a?(Time) ? modified : Time.at(modified))
      end
      paths.size
    end
    define_method(:expand_path) do |path, dir = nil|
      path = to_path.call(path)
      if path.start_with?('~') && (path.size == 1 || path[1] == '/')
        home = ENV['HOME']
        raise ArgumentError, "couldn't find HOME environment -- expanding `~'" if home.nil? || home.empty?

        path = home + path[1..]
      end
      super(path, dir.nil? ? cwd : File.expand_path(dir))
    end
    define_method(:absolute_path) { |path, dir = nil| super(path, dir.nil? ? cwd : File.absolute_path(dir)) }
    define_method(:realpath) do |path, dir = nil|
      full = File.expand_path(path, dir)
      fail_with.call(Errno::ENOENT, 'rb_check_realpath_internal', to_path.call(path)) unless exist?(full)
      full
    end
    define_method(:realdirpath) do |path, dir = nil|
      full = File.expand_path(path, dir)
      unless directory?(File.dirname(full))
        fail_with.call(Errno::ENOENT, 'rb_check_realpath_internal', to_path.call(path))
      end
      full
    end
    define_method(:identical?) do |a, b|
      exist?(a) && exist?(b) && File.expand_path(a) == File.expand_path(b)
    end
    define_method(:readlink) { |path| fail_with.call(Errno::EINVAL, 'rb_readlink', to_path.call(path)) }
    %i[symlink link mkfifo].each do |name|
      define_method(name) { |*paths| fail_with.call(Errno::EPERM, "rb_file_s_#{name}", paths.last) }
    end
    define_method(:umask) { |*| 0o22 }
  end)

  # Dir: listing, creating and removing folders; the working directory is this execution's own
  magic = /[*?\[\\{]/
  glob_one = lambda do |pattern, flags, base|
    dirs_only = pattern.end_with?('/')
    pattern = pattern.sub(%r{/+\z}, '') if dirs_only
    segments = pattern.split('/', -1)
    fixed = segments.take_while { |s| !s.match?(magic) }
    rest = segments.drop(fixed.size)
    prefix = fixed.join('/')
    prefix = '/' if prefix.empty? && pattern.start_with?('/')
    root = File.expand_path(prefix.empty? ? '.' : prefix, base || cwd)
    if rest.empty?
      found = kind.call(root)
      next [] if found.nil? || (dirs_only && found != 'directory')

      next [dirs_only ? "#{pattern}/" : pattern]
    end
    next [] unless kind.call(root) == 'directory'

    rest_pattern = rest.join('/')
    # "dir/**/" names dir and every folder below it
    all_below = dirs_only && rest.last == '**'
    rest_pattern = (rest + ['*']).join('/') if all_below
    if all_below && rest.size == 1 && !prefix.empty?
      found_self = ["#{prefix}/"]
    end
    deep = rest.include?('**')
    limit = deep ? Float::INFINITY : rest.size
    fn_flags = File::FNM_PATHNAME | (flags & (File::FNM_DOTMATCH | File::FNM_NOESCAPE | File::FNM_CASEFOLD |
                                              File::FNM_EXTGLOB))
    found = []
    walk = lambda do |dir, relative, depth|
      list = host_fs.call('list', dir)
      next unless list[0]

      names = list[1].to_s.split("\n").sort
      names.each do |name|
        rel = relative.empty? ? name : "#{relative}/#{name}"
        full = "#{dir == '/' ? '' : dir}/#{name}"
        directory = kind.call(full) == 'directory'
        if File.fnmatch(rest_pattern, rel, fn_flags) && (!dirs_only || directory)
          shown = prefix.empty? ? rel : (prefix == '/' ? "/#{rel}" : "#{prefix}/#{rel}")
          found << (dirs_only ? "#{shown}/" : shown)
        end
        walk.call(full, rel, depth + 1) if directory && depth + 1 < limit
      end
    end
    walk.call(root, '', 0)
    found_self ? found_self + found : found
  end
  # The alternatives of the brace group opening at `at`: "a{b,c{d,e}}f" => ["abf", "ac{d,e}f"].
  alternatives = lambda do |text, at|
    depth = 0
    (at...text.size).each do |i|
      depth += 1 if text[i] == '{'
      depth -= 1 if text[i] == '}'
      next unless depth.zero?

      parts = []
      level = 0
      start = at + 1
      (at + 1...i).each do |j|
        level += 1 if text[j] == '{'
        level -= 1 if text[j] == '}'
        if text[j] == ',' && level.zero?
          parts << text[start...j]
          start = j + 1
        end
      end
      parts << text[start...i]
      return parts.map { |part| text[0...at] + part + text[(i + 1)..] }
    end
    [text] # unbalanced: matched literally
  end
  expand_all = lambda do |text|
    at = text.index('{')
    expanded = at ? alternatives.call(text, at) : [text]
    expanded == [text] ? expanded : expanded.flat_map { |alternative| expand_all.call(alternative) }
  end
  # CRuby globs the alternatives of a pattern whose first brace group opens a segment (with no "**"
  # before it) one after the other, every brace expanded; other braces it matches while walking,
  # in one sorted walk.
  glob_braces = lambda do |pattern, flags, base|
    at = pattern.index('{')
    if at && (at.zero? || pattern[at - 1] == '/') && !pattern[0...at].include?('**')
      expand_all.call(pattern).flat_map { |alternative| glob_one.call(alternative, flags, base) }
    else
      glob_one.call(pattern, flags | File::FNM_EXTGLOB, base)
    end
  end
  glob = lambda do |patterns, flags, base|
    base = base && File.expand_path(to_path.call(base), cwd)
    Array(patterns).flat_map do |pattern|
      pattern = to_path.call(pattern)
      pattern.split("\0").flat_map do |part|
        glob_braces.call(part, flags.to_i, base)
      end
    end
  end

  Dir.singleton_class.prepend(Module.new do
    define_method(:pwd) { cwd.dup }
    alias_method :getwd, :pwd
    define_method(:chdir) do |path = nil, &block|
      path = path.nil? ? (ENV['HOME'] || raise(ArgumentError, "HOME/LOGDIR not set")) : to_path.call(path)
      full = absolute.call(path)
      found = kind.call(full)
      fail_with.call(Errno::ENOENT, 'dir_s_chdir', path) if found.nil?
      fail_with.call(Errno::ENOTDIR, 'dir_s_chdir', path) unless found == 'directory'
      unless block
        cwd = full
        next 0
      end
      previous = cwd
      cwd = full
      begin
        block.call(path)
      ensure
        cwd = previous
      end
    end
    define_method(:exist?) { |path| kind.call(to_path.call(path)) == 'directory' }
    define_method(:empty?) do |path|
      kind.call(to_path.call(path)) == 'directory' && entries_of.call(path, 'dir_initialize').empty?
    end
    define_method(:mkdir) do |path, _perm = nil|
      path = to_path.call(path)
      full = absolute.call(path)
      fail_with.call(Errno::EEXIST, 'dir_s_mkdir', path) unless kind.call(full).nil?
      fail_with.call(Errno::ENOENT, 'dir_s_mkdir', path) unless kind.call(File.dirname(full)) == 'directory'
      check.call(host_fs.call('mkdir', full), 'dir_s_mkdir', path)
      times[full] = Time.now
      0
    end
    define_method(:rmdir) do |path|
      path = to_path.call(path)
      full = absolute.call(path)
      found = kind.call(full)
      fail_with.call(Errno::ENOENT, 'dir_s_rmdir', path) if found.nil?
      fail_with.call(Errno::ENOTDIR, 'dir_s_rmdir', path) unless found == 'directory'
      fail_with.call(Errno::EINVAL, 'dir_s_rmdir', path) if File.basename(path) == '.'
      check.call(host_fs.call('unlink', full), 'dir_s_rmdir', path)
      0
    end
    alias_method :delete, :rmdir
    alias_method :unlink, :rmdir
    define_method(:children) { |path, **| entries_of.call(path, 'dir_initialize').sort }
    define_method(:entries) { |path, **| ['.', '..'] + entries_of.call(path, 'dir_initialize').sort }
    define_method(:each_child) do |path, **, &block|
      names = entries_of.call(path, 'dir_initialize').sort
      return names.each unless block

      names.each(&block)
      nil
    end
    define_method(:foreach) do |path, **, &block|
      names = ['.', '..'] + entries_of.call(path, 'dir_initialize').sort
      return names.each unless block

      names.each(&block)
      nil
    end
    define_method(:glob) do |patterns, flags = 0, base: nil, sort: true, &block|
      matches = glob.call(patterns, flags, base)
      return matches unless block

      matches.each(&block)
      nil
    end
    define_method(:[]) { |*patterns, base: nil, sort: true| glob.call(patterns, 0, base) }
    define_method(:home) do |*|
      ENV['HOME'] || raise(ArgumentError, "couldn't find login name -- expanding `~'")
    end
  end)

  if in_worker
    home = "#{Truffle::Boot.ruby_home}/"
    in_home = lambda do |path|
      text = path.is_a?(String) ? path : (path.respond_to?(:to_path) ? path.to_path : nil)
      text.is_a?(String) && text.start_with?('/') && File.expand_path(text).start_with?(home)
    end
    File.singleton_class.prepend(Module.new do
      real_file.each do |name, original|
        define_method(name) do |*args, **options, &block|
          if in_home.call(args.first)
            original.bind_call(self, *args, **options, &block)
          else
            super(*args, **options, &block)
          end
        end
      end
    end)
  end

  nil
end
