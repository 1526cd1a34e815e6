const headers = {
  // ruleid: secret-http-bearer-token
  Authorization: "Bearer e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6",
  // ok: secret-http-bearer-token
  Authorization2: "Bearer " + token,
  // ok: secret-http-bearer-token
  Authorization3: `Bearer ${token}`,
};
// ruleid: secret-http-basic-auth
xhr.setRequestHeader("Authorization", "Basic YXBwOjl2SyNwMlJ0LXhx");
// ok: secret-http-basic-auth
xhr.setRequestHeader("Authorization", "Basic " + btoa(`${user}:${pass}`));
// ok: secret-http-bearer-token
const tokenType = "bearer";
// ok: secret-http-bearer-token
const jwtHeader = "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhcHAifQ.c2lnbmF0dXJlLXZhbHVl";
