import type { JsConnectivityContext, JsNode } from '../hosts/javascript-connectivity.ts';
import { CREDENTIAL_NAME, type InsecurePattern } from './types.ts';

/**
 * Insecure patterns in JavaScript/TypeScript, on the tree the other extractors read: TLS verification off
 * (`rejectUnauthorized: false`, `NODE_TLS_REJECT_UNAUTHORIZED = '0'`), MD5/SHA-1 hashes, tokens written to
 * localStorage/sessionStorage, `eval`/`new Function` of computed strings, `cors()` allowing any origin
 * together with credentials, and tokens or secrets passed to console/logger calls.
 */
const TOKEN_KEY = /token|jwt|secret|password|credential|session/i;

export function visitJsPatterns(node: JsNode, context: JsConnectivityContext, out: InsecurePattern[]): void {
  const add = (rule: InsecurePattern['rule'], detail: string) => out.push({ rule, detail, source: context.where(node) });
  if (node.type === 'Property') {
    const key = node.key as JsNode;
    const name = (key?.name ?? key?.value) as string | undefined;
    const value = node.value as JsNode;
    if (name === 'rejectUnauthorized' && value?.type === 'Literal' && value.value === false) add('tls-verification-disabled', 'rejectUnauthorized: false');
    return;
  }
  if (node.type === 'AssignmentExpression') {
    const left = context.text(node.left as JsNode).replace(/\s+/g, '');
    const right = context.evaluate(node.right as JsNode);
    if (/NODE_TLS_REJECT_UNAUTHORIZED\]?["']?\]?$/.test(left) && right === '0') add('tls-verification-disabled', 'NODE_TLS_REJECT_UNAUTHORIZED = "0"');
    return;
  }
  const callee = node.callee as JsNode | undefined;
  if (!callee) return;
  const args = ((node.arguments as JsNode[]) ?? []).filter(Boolean);
  const name = callee.type === 'Identifier' ? (callee.name as string) : callee.type === 'MemberExpression' && !callee.computed ? ((callee.property as JsNode).name as string) : undefined;
  const receiver = callee.type === 'MemberExpression' ? context.text(callee.object as JsNode) : undefined;
  if (name === 'createHash' || name === 'createHmac') {
    const algorithm = context.evaluate(args[0])?.toLowerCase();
    if (algorithm === 'md5' || algorithm === 'sha1' || algorithm === 'md4') add('weak-hash', `${name}('${algorithm}')`);
  }
  if (name === 'setItem' && receiver && /(^|\.)(localStorage|sessionStorage)$/.test(receiver)) {
    const key = context.evaluate(args[0]);
    if (key && TOKEN_KEY.test(key)) add('token-in-browser-storage', `${receiver.split('.').pop()}.setItem('${key}', …)`);
  }
  if ((name === 'eval' && callee.type === 'Identifier') || (node.type === 'NewExpression' && name === 'Function')) {
    if (args.length && args.some((argument) => context.evaluate(argument) === undefined)) add('dynamic-code-evaluation', `${name === 'eval' ? 'eval' : 'new Function'}(…) of a computed string`);
  }
  if (name && /^(log|info|debug|warn|error|trace)$/.test(name) && receiver && /(^|\.)(console|logger|log|logging|context\.log)$/i.test(receiver)) {
    const leaked = args.find((argument) => (argument.type === 'Identifier' || argument.type === 'MemberExpression') && CREDENTIAL_NAME.test(context.text(argument)));
    if (leaked) add('secret-in-log', `${receiver}.${name}(${context.text(leaked)})`);
  }
  if (name === 'cors' && callee.type === 'Identifier') {
    const options = context.resolveObject(args[0]);
    const origin = options && context.property(options, 'origin');
    const credentials = options && context.property(options, 'credentials');
    const anyOrigin = origin && ((origin.type === 'Literal' && (origin.value === '*' || origin.value === true)));
    if (anyOrigin && credentials?.type === 'Literal' && credentials.value === true) add('cors-any-origin-with-credentials', `cors({ origin: ${JSON.stringify(origin.value)}, credentials: true })`);
  }
}
