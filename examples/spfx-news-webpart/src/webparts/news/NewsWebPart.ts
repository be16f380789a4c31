import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { MSGraphClientV3 } from '@microsoft/sp-http';

export interface INewsWebPartProps {
  siteId: string;
}

/** Lists the latest pages of the news site through Microsoft Graph. */
export default class NewsWebPart extends BaseClientSideWebPart<INewsWebPartProps> {
  public async render(): Promise<void> {
    const client: MSGraphClientV3 = await this.context.msGraphClientFactory.getClient('3');
    const pages = await client.api(`/sites/${this.properties.siteId}/pages`).version('v1.0').top(5).get();
    this.domElement.innerHTML = pages.value.map((page: { title: string }) => `<li>${escape(page.title)}</li>`).join('');
  }
}
