import bcrypt from 'bcryptjs';

export function hashPin(pin: string): string {
  // ruleid: js-bcrypt-low-cost
  return bcrypt.hashSync(pin, 4);
}

export function hashPassword(password: string): Promise<string> {
  // ok: js-bcrypt-low-cost
  return bcrypt.hash(password, 13);
}
