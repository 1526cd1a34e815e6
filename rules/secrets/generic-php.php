<?php
// ruleid: secret-generic-password-php
define('DB_PASSWORD', 'Tr0ub4dor&3x');
// ok: secret-generic-password-php
define('DB_PASSWORD', getenv('DB_PASSWORD'));
// ruleid: secret-generic-password-php
$password = "S3cr3t!2024x";
// ok: secret-generic-password-php
$password = "$prefix-Xy9!";
// ok: secret-generic-password-php
$password = '';
// ok: secret-generic-password-php
$passwordConfirmation = $_POST['password_confirmation'];
// ok: secret-generic-secret-php
$tokenUrl = 'https://oauth.example.net/token';

// ruleid: secret-generic-password-php
$config['password'] = 'Pa55w0rd!x';
// ruleid: secret-generic-password-php
$_ENV['PGPASSWORD'] = 'Pa55w0rd!x';

$db = [
    'username' => 'app',
    // ruleid: secret-generic-password-php
    'password' => 'Adm1n#2024',
    // ok: secret-generic-password-php
    'password_reset_timeout' => '3600s1',
    // ruleid: secret-generic-secret-php
    'api_key' => '9f2c1e7b4d8a4f0c9e2b',
];

class Mailer
{
    // ruleid: secret-generic-secret-php
    const API_SECRET = 'q8Zr2LmV7xNc4TyB1sKd6FhJ';
    // ruleid: secret-generic-secret-php
    private $token = 'e1d2c3b4a5f6e7d8c9b0a1f2';
    // ok: secret-generic-secret-php
    private $tokenType = 'Bearer2x';

    public function __construct()
    {
        // ruleid: secret-generic-secret-php
        $this->apiKey = '3f9a7c1e5b2d8f4a6c0e';
        // ruleid: secret-generic-password-php
        $pw = getenv('SMTP_PASSWORD') ?: 'fallb4ck!pw';
        // ruleid: secret-generic-password-php
        $pw = $_ENV['SMTP_PASSWORD'] ?? 'fallb4ck!pw';
        // ruleid: secret-generic-password-php
        $this->connect(host: 'smtp', password: 'Sm7p!pass');
        // ruleid: secret-generic-password-php
        $this->settings->set('smtp_password', 'Sm7p!pass');
    }
}

class MailerTest extends TestCase
{
    public function testSend()
    {
        // ok: secret-generic-password-php
        $password = 'Sup3r$ecret!';
    }
}
