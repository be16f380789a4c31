import { GraphPermissionIndex } from '../src/knowledge/graph/permission-index.ts';
const index = GraphPermissionIndex.load('../shared/data');
const r = index.match('GET', '/users')!;
for (const c of r.claims.get('DelegatedWork')!) console.log(c.permission, c.least, c.methodCount, c.privilegeLevel);
