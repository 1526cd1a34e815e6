import { PrismaClient } from '@prisma/client';
import { DataSource } from 'typeorm';

const prisma = new PrismaClient();
const dataSource = new DataSource({ type: 'postgres' });

export async function findUser(email: string, role: string) {
  // ruleid: js-sql-template-injection
  const users = await prisma.$queryRawUnsafe(`SELECT * FROM "User" WHERE email = '${email}'`);
  // ok: js-sql-template-injection
  const safe = await prisma.$queryRaw`SELECT * FROM "User" WHERE email = ${email}`;
  // ruleid: js-sql-template-injection
  const admins = await dataSource.getRepository('User').createQueryBuilder('u').where(`u.role = '${role}'`).getMany();
  // ok: js-sql-template-injection
  const typed = await dataSource.createQueryBuilder().select('u').from('User', 'u').where('u.role = :role', { role }).getMany();
  // ruleid: js-sql-concat-injection
  const rows: unknown[] = await dataSource.query('SELECT * FROM audit WHERE actor = ' + email);
  // ok: js-sql-concat-injection
  const counted: unknown[] = await dataSource.query('SELECT * FROM audit WHERE actor = $1', [email]);
  return { users, safe, admins, typed, rows, counted };
}
