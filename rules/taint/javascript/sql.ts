import type { Request, Response } from "express";
import knex from "knex";
import { PrismaClient } from "@prisma/client";

const prisma = new PrismaClient();
const db = knex({ client: "pg" });

export async function search(request: Request, response: Response): Promise<void> {
  const term = request.query.term as string;
  // ruleid: js-flow-sql
  const rows = await db.raw(`SELECT * FROM items WHERE title LIKE '%${term}%'`);
  // ok: js-flow-sql
  const safe = await db.raw("SELECT * FROM items WHERE title LIKE ?", [`%${term}%`]);
  // ruleid: js-flow-sql
  await db("items").whereRaw(`title = '${term}'`);
  // ok: js-flow-sql
  await db("items").where({ title: term });
  // ruleid: js-flow-sql
  await prisma.$queryRawUnsafe(`SELECT * FROM items WHERE title = '${term}'`);
  // ok: js-flow-sql
  await prisma.$queryRaw`SELECT * FROM items WHERE title = ${term}`;
  const limit: number = Number(request.query.limit);
  // ok: js-flow-sql
  await db.raw(`SELECT * FROM items LIMIT ${limit}`);
  response.json({ rows, safe });
}
