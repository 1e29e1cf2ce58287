// The work-order calls of the portal API (service/portal/workOrderRoutes.ts), and fetching a file of an order (the
// letter, a photo) with the session's token into a download — a plain link would not carry the bearer token.
import type {
  PortalListWorkOrdersOutput, PortalReportWorkOrderInput, PortalWorkOrder, PortalWorkOrderAnswer,
} from '../../../../shared/portalApi/workOrders';
import { call } from '../../app/api';


export const workOrderApi = {
  list: () => call<PortalListWorkOrdersOutput>('GET', '/work-orders'),
  get: (id: string) => call<PortalWorkOrder>('GET', `/work-orders/${encodeURIComponent(id)}`),
  confirm: (id: string, plannedDate: string) =>
    call<PortalWorkOrderAnswer>('POST', `/work-orders/${encodeURIComponent(id)}/confirm`, { plannedDate }),
  report: (id: string, input: PortalReportWorkOrderInput) =>
    call<PortalWorkOrderAnswer>('POST', `/work-orders/${encodeURIComponent(id)}/report`, input),
};


/** A file the installer picked, as the API takes it: its name and its content in base64. */
export function asInlineFile(file: File): Promise<{ fileName: string; contentBase64: string }> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const dataUrl = String(reader.result);
      resolve({ fileName: file.name, contentBase64: dataUrl.slice(dataUrl.indexOf(',') + 1) });
    };
    reader.readAsDataURL(file);
  });
}
