// One trivial D1 write per POST, one trivial read per GET: the floor the portal is compared with.
export default {
  async fetch(request, env) {
    if (request.method === "POST") {
      const body = await request.text();
      const row = await env.DB.prepare("INSERT INTO writes (body, at) VALUES (?, ?) RETURNING id")
        .bind(body.slice(0, 200), new Date().toISOString())
        .first();
      return Response.json({ id: row.id }, { status: 201 });
    }
    const row = await env.DB.prepare("SELECT count(*) AS n FROM writes").first();
    return Response.json(row);
  },
};
