/**
 * MXLogic (McAfee SaaS Email Protection). Its MTA writes Exim-like text ("The following address
 * failed: <a@b>: 550 …") and stamps X-MX-Bounce / X-MXL-NoteHash headers and "(mxl_mta-…)" in Received.
 * Shape from the public corpus samples; markers as in Sisimai's Lhost::MXLogic (BSD-2-Clause).
 */
import type { TextReader } from '../types';
import { extraction, receivedMentions } from './common';
import { eximRecipients } from './shapes';

export const mxlogicReader: TextReader = {
  id: 'mxlogic',
  name: 'MXLogic (McAfee SaaS Email Protection)',
  detect: (view) =>
    view.headers.has('x-mx-bounce') || view.headers.has('x-mxl-notehash') || receivedMentions(view, /\(mxl_mta-/),
  extract(view) {
    return extraction(eximRecipients(view.body));
  },
};
