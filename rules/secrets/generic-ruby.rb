# ruleid: secret-generic-password-ruby
DB_PASSWORD = "Tr0ub4dor&3x"
# ruleid: secret-generic-secret-ruby
@api_key = '9f2c1e7b4d8a4f0c9e2b'
# ok: secret-generic-password-ruby
PASSWORD_MIN_LENGTH = "12"
# ok: secret-generic-password-ruby
DB_PASSWORD = ENV["DB_PASSWORD"]
# ok: secret-generic-password-ruby
DB_PASSWORD = "#{prefix}Xy9!abc"
# ok: secret-generic-password-ruby
password_label = "Your password"
# ok: secret-generic-secret-ruby
TOKEN_URL = "https://oauth.example.net/token"
# ok: secret-generic-secret-ruby
secret_name = "prod-db-creds-2"

Rails.application.configure do
  # ruleid: secret-generic-secret-ruby
  config.secret_key_base = "b8e2f4a6c1d3e5f7a9b0c2d4e6f8a1b3"
  config.action_mailer.smtp_settings = {
    user_name: "app",
    # ruleid: secret-generic-password-ruby
    password: "Sm7p!pass",
    # ok: secret-generic-password-ruby
    authentication: "plain",
  }
end

settings = {}
# ruleid: secret-generic-password-ruby
settings[:password] = "Pa55w0rd!x"
# ruleid: secret-generic-secret-ruby
settings["access_token"] = "e1d2c3b4a5f6e7d8c9b0a1f2"
# ruleid: secret-generic-password-ruby
ENV["PGPASSWORD"] = "Pa55w0rd!x"
# ruleid: secret-generic-secret-ruby
client = Api::Client.new(api_key: "3f9a7c1e5b2d8f4a6c0e", timeout: 5)
# ok: secret-generic-secret-ruby
client = Api::Client.new(api_key: ENV.fetch("API_KEY"), timeout: 5)
# ruleid: secret-generic-password-ruby
pw = ENV.fetch("DB_PASSWORD", "fallb4ck!pw")
# ruleid: secret-generic-password-ruby
pw = ENV["DB_PASSWORD"] || "fallb4ck!pw"
# ok: secret-generic-password-ruby
pw = ENV.fetch("DB_PASSWORD", nil)

# ruleid: secret-generic-password-ruby
def connect(host, password = "d3f4ult!Pw")
  host
end

RSpec.describe Session do
  # ok: secret-generic-password-ruby
  let(:password) { "Sup3r$ecret!" }
  it "logs in" do
    # ok: secret-generic-password-ruby
    user = User.new(password: "Sup3r$ecret!")
  end
end
