// Contoso Expenses backend: serves the tab, receives bot messages and talks to Microsoft Graph on behalf of the user.
import express from 'express';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { Client } from '@microsoft/microsoft-graph-client';

const app = express();
app.use(express.json());

const msal = new ConfidentialClientApplication({
  auth: {
    clientId: process.env.AAD_APP_CLIENT_ID,
    clientSecret: process.env.SECRET_AAD_APP_CLIENT_SECRET,
    authority: 'https://login.microsoftonline.com/organizations',
  },
});

async function graphFor(ssoToken) {
  const result = await msal.acquireTokenOnBehalfOf({ oboAssertion: ssoToken, scopes: ['User.Read', 'Mail.Send'] });
  return Client.init({ authProvider: (done) => done(null, result.accessToken) });
}

app.get('/api/me', async (req, res) => {
  const graph = await graphFor(req.headers.authorization?.replace(/^Bearer /, ''));
  res.json(await graph.api('/me').select('displayName,mail').get());
});

app.post('/api/expenses/:id/notify', async (req, res) => {
  const graph = await graphFor(req.headers.authorization?.replace(/^Bearer /, ''));
  await graph.api('/me/sendMail').post({
    message: { subject: `Expense ${req.params.id} submitted`, toRecipients: [{ emailAddress: { address: req.body.approver } }] },
  });
  // Exchange rates come from a third-party API: this makes the penetration test mandatory.
  const rates = await fetch('https://api.exchangerate.example.net/latest?base=EUR');
  res.json({ ok: true, rates: await rates.json() });
});

app.listen(process.env.PORT ?? 3978);
