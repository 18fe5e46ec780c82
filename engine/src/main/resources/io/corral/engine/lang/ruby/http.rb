# Corral's Ruby HTTP: evaluated once in every fresh context, after files.rb. Guests have no network
# (in-process: no sockets at all; in a worker: no network namespace), so the standard library's
# Net::HTTP and open-uri send every request through the host bridge's `http` instead, which runs it
# through the execution's egress gateway on the host: the request's http.allow rules, pinned DNS,
# redirects, caps, and credentials the guest never sees (added there, after the request left).
#
# The real libraries stay: Net::HTTP builds and serializes the request as usual (headers, form data,
# multipart, body streams), and parses the answer with its own response classes. Only the
# transport changes: the serialized request is handed to the host, and the answer is read back
# from memory. TLS is the host's: Net::HTTP's SSL settings (verify_mode, certificates) are accepted
# and unused, the host always verifies. Refusals and failures are Ruby's own errors: SocketError,
# Errno::ECONNREFUSED, Net::OpenTimeout, Net::ReadTimeout, and OpenURI::HTTPError for a status
# open-uri refuses.
#
# `socket` is a stand-in in both modes: it defines the library's classes so that net/http loads, and
# opening a socket raises Errno::EACCES. In-process TruffleRuby's socket library cannot load (it is
# built on FFI, which needs native access); in a worker it would load (in seconds, in the
# interpreter) and its sockets would find no network anyway. `require 'net/https'` (net/http plus
# openssl) gives net/http in both modes.
#
# Evaluates to a lambda the host calls with the bound execution's host bridge (a lambda answering
# it), the prelude's registration of fixes for standard-library files, and its registration of
# in-process stand-ins.
lambda do |current_host, fix_after_load, stand_in|
  stand_in.call('lib/truffle/socket.rb', lambda do
    refuse = lambda do |*|
      raise Errno::EACCES, 'sockets are not available in this sandbox (HTTP goes through Net::HTTP and open-uri)'
    end
    define = lambda do |name, superclass|
      next Object.const_get(name) if Object.const_defined?(name, false)

      Object.const_set(name, Class.new(superclass))
    end
    define.call(:SocketError, StandardError)
    basic = define.call(:BasicSocket, IO)
    socket = define.call(:Socket, basic)
    ip = define.call(:IPSocket, basic)
    tcp = define.call(:TCPSocket, ip)
    classes = [socket, ip, tcp, define.call(:TCPServer, tcp), define.call(:UDPSocket, ip), define.call(:Addrinfo, Object)]
    classes.each do |klass|
      %i[new open getaddrinfo tcp udp ip foreach].each { |name| klass.define_singleton_method(name, &refuse) }
    end
    { AF_UNSPEC: 0, AF_INET: 2, AF_INET6: 10, SOCK_STREAM: 1, SOCK_DGRAM: 2, IPPROTO_TCP: 6, IPPROTO_UDP: 17,
      TCP_NODELAY: 1, SOL_SOCKET: 1, SO_KEEPALIVE: 9 }.each { |name, value| socket.const_set(name, value) }
    socket.define_singleton_method(:gethostname) { 'localhost' }
    socket.define_singleton_method(:ip_address_list) { [] }
    socket.define_singleton_method(:getaddrinfo) do |host, *|
      raise SocketError, "getaddrinfo: Temporary failure in name resolution (#{host}; this sandbox has no DNS)"
    end
  end, true)

  # net/https is net/http plus openssl, which TruffleRuby's build cannot load here (TLS is the host's)
  stand_in.call('lib/mri/net/https.rb', -> { require 'net/http' }, true)

  # The bridge's headers travel as JSON text [[name, value], ...] of strings: written and read here
  # without loading json (a third of a second in the interpreter).
  json_string = lambda do |text|
    escaped = text.to_s.encode(Encoding::UTF_8, invalid: :replace, undef: :replace).gsub(/["\\\u0000-\u001f]/) do |c|
      case c
      when '"' then '\\"'
      when '\\' then '\\\\'
      when "\n" then '\\n'
      when "\r" then '\\r'
      when "\t" then '\\t'
      else format('\\u%04x', c.ord)
      end
    end
    "\"#{escaped}\""
  end
  unescape = { '"' => '"', '\\' => '\\', '/' => '/', 'b' => "\b", 'f' => "\f", 'n' => "\n", 'r' => "\r", 't' => "\t" }
  json_strings = lambda do |json|
    json.to_s.scan(/"((?:[^"\\]|\\.)*)"/m).map do |(body)|
      body.gsub(/\\(u[0-9a-fA-F]{4}|.)/m) do
        code = Regexp.last_match(1)
        code.start_with?('u') && code.size == 5 ? [code[1..].hex].pack('U') : unescape.fetch(code, code)
      end
    end
  end
  binary = ->(text) { text.to_s.encode(Encoding::ISO_8859_1).force_encoding(Encoding::BINARY) }
  # a Java exception's class name, which the gateway's failure text may start with
  java_names = /\b(?:[a-z][\w$]*\.)*[A-Z][\w$]*(?:Exception|Error): /

  # [status, reason, headers, body, url] of one request through the gateway, or a Ruby error
  exchange = lambda do |method, url, headers, body, max_millis|
    pairs = headers.map { |k, v| "[#{json_string.call(k)},#{json_string.call(v)}]" }.join(',')
    body_text = body.to_s.b.force_encoding(Encoding::ISO_8859_1).encode(Encoding::UTF_8)
    answer = current_host.call.http(method, url, "[#{pairs}]", body_text, max_millis)
    unless answer.ok
      # the gateway's words: "request to <host> refused: <why>" or "request to <host> failed: <why>"
      message = answer.error.to_s.gsub(java_names, '')
      case message
      when /could not connect within/ then raise Net::OpenTimeout, message
      when /no complete response within/ then raise Net::ReadTimeout, message
      when / failed: .*Connection refused/ then raise Errno::ECONNREFUSED, message
      else raise SocketError, message
      end
    end
    names = json_strings.call(answer.headers)
    [answer.status.to_i, answer.statusText.to_s, names.each_slice(2).to_a, binary.call(answer.body), answer.url.to_s]
  end

  # HTTP's chunked transfer coding, undone (a request Net::HTTP streamed in chunks)
  dechunk = lambda do |data|
    out = +''.b
    at = 0
    loop do
      line_end = data.index("\r\n", at) or break
      size = data[at...line_end].split(';').first.to_i(16)
      break if size.zero?

      out << data.byteslice(line_end + 2, size)
      at = line_end + 2 + size + 2
    end
    out
  end

  fix_after_load.call('lib/mri/net/http.rb', lambda do
    require 'stringio'
    Net::HTTP.prepend(Module.new do
      # No socket: there is nothing to connect to. A session is a flag; each request goes to the host.
      define_method(:connect) { @socket = nil }
      private :connect

      define_method(:do_finish) do
        @started = false
        @socket = nil
      end
      private :do_finish

      define_method(:transport_request) do |req, &block|
        # the request as Net::HTTP writes it to a socket, written to memory instead
        written = StringIO.new(+''.b)
        req.exec(Net::BufferedIO.new(written), '1.1', req.path)
        head, body = written.string.b.split("\r\n\r\n", 2)
        lines = head.split("\r\n")
        lines.shift # the request line: method and path are known
        headers = lines.map { |l| l.split(':', 2).map(&:strip) }
        chunked = headers.any? { |k, v| k.casecmp?('transfer-encoding') && v.to_s.downcase.include?('chunked') }
        body = dechunk.call(body.to_s) if chunked
        scheme = use_ssl? ? 'https' : 'http'
        host = address.to_s.include?(':') && !address.to_s.start_with?('[') ? "[#{address}]" : address.to_s
        default_port = use_ssl? ? Net::HTTP.https_default_port : Net::HTTP.http_default_port
        path = req.path.to_s.start_with?('/') ? req.path.to_s : "/#{req.path}"
        url = "#{scheme}://#{host}#{port == default_port ? '' : ":#{port}"}#{path}"
        bounds = [open_timeout, read_timeout].compact
        max_millis = bounds.empty? ? -1 : bounds.sum * 1000.0
        status, reason, got, data, = exchange.call(req.method, url, headers, body.to_s, max_millis)

        # the answer, as a server would have sent it, read by Net::HTTP's own response parser
        raw = +"HTTP/1.1 #{status} #{reason}\r\n".b
        got.each do |name, value|
          next if %w[content-length transfer-encoding content-encoding].include?(name.downcase)

          raw << "#{name}: #{value}\r\n".b
        end
        raw << "Content-Length: #{data.bytesize}\r\n\r\n".b << data
        socket = Net::BufferedIO.new(StringIO.new(raw))
        res = Net::HTTPResponse.read_new(socket)
        res.decode_content = req.decode_content
        res.body_encoding = @response_body_encoding
        res.uri = req.uri
        res.reading_body(socket, req.response_body_permitted?) { block&.call(res) }
        res
      end
      private :transport_request
    end)

    # HTTP.start as the library has it, without naming OpenSSL (its default verify_mode): TLS is the
    # host's, and TruffleRuby's openssl extension may not load here
    Net::HTTP.singleton_class.prepend(Module.new do
      define_method(:start) do |address, *arg, &block|
        arg.pop if (opt = Hash.try_convert(arg[-1]))
        port, p_addr, p_port, p_user, p_pass = *arg
        p_addr = :ENV if arg.size < 2
        port = https_default_port if !port && opt && opt[:use_ssl]
        http = new(address, port, p_addr, p_port, p_user, p_pass)
        http.ipaddr = opt[:ipaddr] if opt && opt[:ipaddr]
        opt&.each do |key, value|
          setter = :"#{key}="
          http.__send__(setter, value) if http.respond_to?(setter)
        end
        http.start(&block)
      end
    end)
  end)

  # open-uri's HTTP, as the library has it, with TLS left to the host (open-uri would build an
  # OpenSSL certificate store for https)
  fix_after_load.call('lib/mri/open-uri.rb', lambda do
    OpenURI.singleton_class.send(:define_method, :open_http) do |buf, target, proxy, options|
      raise ArgumentError, 'userinfo not supported.  [RFC3986]' if target.userinfo

      header = {}
      options.each { |k, v| header[k] = v if k.is_a?(String) }
      require 'net/http'
      http = Net::HTTP.new(target.hostname, target.port, nil)
      http.use_ssl = true if target.is_a?(URI::HTTPS)
      http.read_timeout = options[:read_timeout] if options.include?(:read_timeout)
      http.open_timeout = options[:open_timeout] if options.include?(:open_timeout)
      resp = nil
      http.start do
        req = Net::HTTP::Get.new(target.request_uri, header)
        if options.include?(:http_basic_authentication)
          user, pass = options[:http_basic_authentication]
          req.basic_auth user, pass
        end
        http.request(req) do |response|
          resp = response
          if options[:content_length_proc] && resp.is_a?(Net::HTTPSuccess)
            options[:content_length_proc].call(resp.key?('Content-Length') ? resp['Content-Length'].to_i : nil)
          end
          resp.read_body do |str|
            buf << str
            options[:progress_proc].call(buf.size) if options[:progress_proc] && resp.is_a?(Net::HTTPSuccess)
            str.clear
          end
        end
      end
      io = buf.io
      io.rewind
      io.status = [resp.code, resp.message]
      resp.each_name { |name| buf.io.meta_add_field2 name, resp.get_fields(name) }
      case resp
      when Net::HTTPSuccess
        nil
      when Net::HTTPMovedPermanently, Net::HTTPFound, Net::HTTPSeeOther, Net::HTTPTemporaryRedirect,
           Net::HTTPPermanentRedirect
        begin
          loc_uri = URI.parse(resp['location'])
        rescue URI::InvalidURIError
          raise OpenURI::HTTPError.new("#{io.status.join(' ')} (Invalid Location URI)", io)
        end
        throw :open_uri_redirect, loc_uri
      else
        raise OpenURI::HTTPError.new(io.status.join(' '), io)
      end
    end
  end)

  nil
end
