# Digests, Base64 and random tokens (only their shapes are printed: they differ every run).
require 'digest'
require 'base64'
require 'securerandom'

payload = '{"event":"deploy","id":42,"note":"Zoë"}'
p Digest::SHA256.hexdigest(payload), Digest::MD5.hexdigest(payload), Digest::SHA1.hexdigest(''), Digest::SHA512.hexdigest('abc')[0, 32]
p Digest::SHA384.hexdigest('abc')[0, 16], Digest::SHA256.digest('x').bytesize, Digest::SHA256.base64digest('hello')
sha = Digest::SHA256.new
%w[chunk-1 chunk-2 chunk-3].each { |c| sha << c }
p sha.hexdigest, sha.hexdigest == Digest::SHA256.hexdigest('chunk-1chunk-2chunk-3'), Digest::SHA256.hexdigest('x').length
p Base64.strict_encode64(payload), Base64.encode64('a' * 60).count("\n"), Base64.urlsafe_encode64("\xFF\xFE\xFD", padding: false)
p Base64.decode64('aGVsbG8gd29ybGQ='), Base64.strict_decode64(Base64.strict_encode64("\x00\x01binary")).bytes, Base64.urlsafe_decode64('__79')
begin
  Base64.strict_decode64('not base64!')
rescue ArgumentError => e
  p e.class
end
token = SecureRandom.hex(16)
p token.size, token.match?(/\A\h{32}\z/), SecureRandom.uuid.match?(/\A\h{8}-\h{4}-4\h{3}-[89ab]\h{3}-\h{12}\z/)
p SecureRandom.random_bytes(12).bytesize, SecureRandom.base64(9).size, SecureRandom.urlsafe_base64(15).match?(/\A[\w-]+\z/), SecureRandom.random_number(10).between?(0, 9)
p SecureRandom.alphanumeric(20).match?(/\A[A-Za-z0-9]{20}\z/), SecureRandom.hex.size, (1..5).map { SecureRandom.hex(4) }.uniq.size
hmac_like = Digest::SHA256.hexdigest("secret-key:#{payload}")
p hmac_like[0, 16], [payload].pack('m0') == Base64.strict_encode64(payload), payload.unpack1('H*')[0, 20], ['616263'].pack('H*')
p payload.bytes.sum % 256, payload.each_byte.reduce(0) { |h, b| (h * 31 + b) & 0xFFFFFFFF }, payload.hash.class
