// Outlook add-in permission levels: https://learn.microsoft.com/office/dev/add-ins/outlook/understanding-outlook-add-in-permissions
import { defineCheck } from '../../engine/define-check.ts';
import { jsonLocation, xmlLocation } from '../../extract/inventory.ts';
import { descendants } from '../../sources/formats/xml.ts';
import { isRecord } from '../_shared/json-values.ts';

/** The highest Outlook level: the XML manifest calls it ReadWriteMailbox, the unified manifest Mailbox.ReadWrite.User. */
const XML_LEVEL = 'ReadWriteMailbox';
const UNIFIED_LEVEL = 'Mailbox.ReadWrite.User';

export const check = defineCheck({
  meta: {
    id: 'addin-mailbox-permission-minimal',
    title: 'Outlook add-ins request less than read/write mailbox access',
    domain: 'addin',
    severity: 'medium',
    controls: ['APP-1'],
    appliesTo: ['office-addin-xml', 'office-addin-unified'],
    description:
      'ReadWriteMailbox (Mailbox.ReadWrite.User in the unified manifest) lets an add-in read, write and send every item of the mailbox and call Exchange Web Services. Few add-ins need it; the analyst will ask for a justification under least privilege.',
    remediation: 'Request ReadWriteItem (MailboxItem.ReadWrite.User) or lower unless the add-in calls makeEwsRequestAsync or otherwise needs mailbox-wide access, and record the justification.',
    references: ['https://learn.microsoft.com/office/dev/add-ins/outlook/understanding-outlook-add-in-permissions'],
    messages: {
      readWriteMailbox: 'The add-in requests {{level}}, the highest Outlook permission (read/write mailbox)',
    },
  },
  run(inventory, context) {
    for (const manifest of inventory.manifests) {
      if (manifest.kind === 'office-addin-xml' && manifest.format === 'xml') {
        for (const element of descendants(manifest.doc.root)) {
          if (element.local === 'Permissions' && element.text.trim() === XML_LEVEL) {
            context.report({ messageId: 'readWriteMailbox', data: { level: XML_LEVEL }, at: xmlLocation(manifest, element), key: XML_LEVEL });
          }
        }
      } else if (manifest.kind === 'office-addin-unified' && manifest.format === 'json') {
        const value = manifest.doc.value as { authorization?: { permissions?: { resourceSpecific?: unknown } } };
        const grants = value.authorization?.permissions?.resourceSpecific;
        if (!Array.isArray(grants)) continue;
        grants.forEach((grant, index) => {
          if (isRecord(grant) && grant.name === UNIFIED_LEVEL) {
            context.report({
              messageId: 'readWriteMailbox',
              data: { level: UNIFIED_LEVEL },
              at: jsonLocation(manifest, ['authorization', 'permissions', 'resourceSpecific', index, 'name']),
              key: UNIFIED_LEVEL,
            });
          }
        });
      }
    }
  },
});
