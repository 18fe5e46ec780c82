# Corral's Ruby prelude: evaluated once in every fresh context, before an execution is bound.
# It returns the lambda that binds one execution (host bridge, script path, argv, environment,
# stdin) and runs the script at top level under the script's own file name.
# Output reaches the host as it is written, so what a script printed before a timeout stopped it
# is kept.
$stdout.sync = true
$stderr.sync = true

lambda do |host, path, argv, env_names, env_values, stdin, code|
  $0 = path.to_s
  ARGV.replace(Array.new(argv.size) { |i| argv[i].to_s })
  # The real ENV needs native access; the guest's environment is the request's, nothing else.
  env = {}
  env_names.size.times { |i| env[env_names[i].to_s] = env_values[i].to_s }
  Object.send(:remove_const, :ENV)
  Object.const_set(:ENV, env)
  TOPLEVEL_BINDING.eval(code.to_s, path.to_s, 1)
  nil
end
