# Reading and changing the environment inside the program.
p ENV['APP_MODE'], ENV.fetch('APP_RETRIES', '3').to_i, ENV.key?('APP_MODE'), ENV.values_at('APP_MODE', 'NOPE')
ENV['APP_MODE'] = 'changed'
ENV['NEW_VAR'] = 'added'
ENV.delete('APP_RETRIES')
p ENV['APP_MODE'], ENV['NEW_VAR'], ENV['APP_RETRIES'], ENV.select { |k, _| k.start_with?('APP_', 'NEW_') }.sort
p ENV.to_h.slice('APP_MODE', 'NEW_VAR'), ENV.fetch('NOPE') { |k| "no #{k}" }, (ENV.fetch('NOPE') rescue $!.class)
