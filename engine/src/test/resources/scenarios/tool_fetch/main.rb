require 'net/http'

def execute(input)
  res = Net::HTTP.get_response(URI(input['url']))
  { 'status' => res.code.to_i, 'body' => res.body }
end
