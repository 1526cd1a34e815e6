const bcrypt = require('bcrypt');

const SALT_ROUNDS = 12;

async function register(user, password) {
  // ruleid: js-bcrypt-low-cost
  user.passwordHash = await bcrypt.hash(password, 8);
  // ruleid: js-bcrypt-low-cost
  const salt = bcrypt.genSaltSync(5);
  // ok: js-bcrypt-low-cost
  user.passwordHash = await bcrypt.hash(password, 12);
  // ok: js-bcrypt-low-cost
  user.backupHash = await bcrypt.hash(password, SALT_ROUNDS);
  // ok: js-bcrypt-low-cost
  const strong = await bcrypt.genSalt(10);
  // ok: js-bcrypt-low-cost
  const digest = await argon2.hash(password, 4);
  return { salt, strong, digest };
}

module.exports = { register };
