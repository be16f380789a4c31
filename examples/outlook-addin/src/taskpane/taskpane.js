/* global Office */
// Files the current message into a matter: reads the item, then uploads it to the Fabrikam matters API.
Office.onReady(() => {
  document.getElementById('file').onclick = fileMessage;
});

async function fileMessage() {
  const item = Office.context.mailbox.item;
  const body = await new Promise((resolve) => item.body.getAsync(Office.CoercionType.Text, (result) => resolve(result.value)));
  await fetch('https://api.fabrikam-legal.com/matters/current/documents', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ subject: item.subject, from: item.from.emailAddress, body }),
  });
}
