# ruleid: secret-generic-password-ruby
DB_PASSWORD = ENV["DB_PASSWORD"]
# ruleid: secret-generic-secret-ruby
@api_key = ENV["API_KEY"]
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
  config.secret_key_base = ENV["SECRET_KEY_BASE"]
  config.action_mailer.smtp_settings = {
    user_name: "app",
    # ruleid: secret-generic-password-ruby
    password: ENV["PASSWORD"],
    # ok: secret-generic-password-ruby
    authentication: "plain",
  }
end

settings = {}
# ruleid: secret-generic-password-ruby
settings[:password] = ENV["PASSWORD"]
# ruleid: secret-generic-secret-ruby
settings["access_token"] = ENV["ACCESS_TOKEN"]
# ruleid: secret-generic-password-ruby
ENV["PGPASSWORD"] = "Pa55w0rd!x"
# ruleid: secret-generic-secret-ruby
client = Api::Client.new(api_key: ENV["API_KEY"], timeout: 5)
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
