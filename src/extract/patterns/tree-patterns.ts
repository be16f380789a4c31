import type { Node as TsNode } from 'web-tree-sitter';
import type { NodesOf, TreeLanguage } from '../graph/tree-sitter.ts';
import type { SourceRef } from '../graph/types.ts';
import { CREDENTIAL_NAME, type InsecurePattern } from './types.ts';

/**
 * Insecure patterns in C#, Python and Java: certificate validation callbacks that accept everything
 * (`ServerCertificateCustomValidationCallback = (…) => true`, `DangerousAcceptAnyServerCertificateValidator`),
 * `verify=False` and unverified SSL contexts, and MD5/SHA-1 (`MD5.Create()`, `hashlib.md5`, `MessageDigest.getInstance("MD5")`).
 */
/** The node types the recognisers read. */
export const PATTERN_NODE_TYPES = ['call', 'assignment_expression', 'invocation_expression', 'object_creation_expression', 'method_invocation'];

export function treePatterns(nodes: NodesOf, language: TreeLanguage, text: string, where: (node: TsNode) => SourceRef, isDead: (node: TsNode) => boolean, out: InsecurePattern[]): void {
  const add = (node: TsNode, rule: InsecurePattern['rule'], detail: string) => {
    if (!isDead(node)) out.push({ rule, detail, source: where(node) });
  };
  if (language === 'python') {
    // Reading every call's arguments crosses into WebAssembly: only where the text has `verify=False` at all.
    const verifyOff = /\bverify\s*=\s*False\b/.test(text);
    for (const call of nodes('call')) {
      const fn = call.childForFieldName('function')?.text ?? '';
      for (const argument of verifyOff ? (call.childForFieldName('arguments')?.namedChildren ?? []) : []) {
        if (argument?.type === 'keyword_argument' && argument.childForFieldName('name')?.text === 'verify' && argument.childForFieldName('value')?.text === 'False') add(call, 'tls-verification-disabled', `${fn}(…, verify=False)`);
      }
      if (/(^|\.)_create_unverified_context$/.test(fn)) add(call, 'tls-verification-disabled', `${fn}()`);
      if (/^(logging|logger|log|self\.logger)\.(debug|info|warning|warn|error|critical|exception)$|^print$/.test(fn)) {
        const leaked = (call.childForFieldName('arguments')?.namedChildren ?? []).find((argument) => argument && (argument.type === 'identifier' || argument.type === 'attribute') && CREDENTIAL_NAME.test(argument.text));
        if (leaked) add(call, 'secret-in-log', `${fn}(${leaked.text})`);
      }
      if (/^hashlib\.(md5|sha1)$/.test(fn) || (/^hashlib\.new$/.test(fn) && /['"](md5|sha1)['"]/i.test(call.childForFieldName('arguments')?.text ?? ''))) add(call, 'weak-hash', fn);
    }
    return;
  }
  if (language === 'csharp') {
    for (const assignment of nodes('assignment_expression')) {
      const left = assignment.childForFieldName('left')?.text ?? '';
      const right = assignment.childForFieldName('right');
      if (!/ServerCertificate(Custom)?ValidationCallback|RemoteCertificateValidationCallback$/.test(left) || !right) continue;
      const acceptsAll = /DangerousAcceptAnyServerCertificateValidator/.test(right.text) || (right.type === 'lambda_expression' && /^\s*true\s*$/.test(right.childForFieldName('body')?.text ?? ''));
      if (acceptsAll) add(assignment, 'tls-verification-disabled', `${left.split('.').pop()} accepts every certificate`);
    }
    for (const call of nodes('invocation_expression')) {
      const text = call.childForFieldName('function')?.text ?? '';
      if (/^(MD5|SHA1)\.(Create|HashData)$/.test(text)) add(call, 'weak-hash', `${text}()`);
    }
    for (const creation of nodes('object_creation_expression')) {
      const type = creation.childForFieldName('type')?.text ?? '';
      if (/^(MD5CryptoServiceProvider|SHA1CryptoServiceProvider|SHA1Managed)$/.test(type)) add(creation, 'weak-hash', `new ${type}()`);
    }
    return;
  }
  for (const call of nodes('method_invocation')) {
    if (call.childForFieldName('name')?.text !== 'getInstance' || call.childForFieldName('object')?.text !== 'MessageDigest') continue;
    if (/"(MD5|SHA-?1)"/i.test(call.childForFieldName('arguments')?.text ?? '')) add(call, 'weak-hash', `MessageDigest.getInstance(${call.childForFieldName('arguments')?.text.slice(1, -1)})`);
  }
}
