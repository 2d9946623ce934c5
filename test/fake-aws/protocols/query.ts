// AWS Query (IAM, STS) wire formats: XML success envelopes and error envelopes.
import { escapeXml, fieldsToXml } from '../xml.js';

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const NAMESPACES: Record<string, string> = {
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
};
const XML_HEADERS = { 'content-type': 'text/xml' };

/** `<XResponse xmlns><XResult>…</XResult><ResponseMetadata><RequestId/></ResponseMetadata></XResponse>` */
export function queryResult(service: 'iam' | 'sts', operation: string, result: unknown, requestId: string): WireResponse {
  const inner = result && typeof result === 'object' ? fieldsToXml(result as Record<string, unknown>) : '';
  const resultXml = inner === '' ? '' : `<${operation}Result>${inner}</${operation}Result>`;
  const body = `<${operation}Response xmlns="${NAMESPACES[service]}">${resultXml}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`;
  return { status: 200, headers: { ...XML_HEADERS, 'x-amzn-requestid': requestId }, body };
}

/** `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>` */
export function queryError(service: 'iam' | 'sts', status: number, code: string, message: string, requestId: string): WireResponse {
  const type = status >= 500 ? 'Receiver' : 'Sender';
  const body = `<ErrorResponse xmlns="${NAMESPACES[service]}"><Error><Type>${type}</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
  return { status, headers: { ...XML_HEADERS, 'x-amzn-requestid': requestId }, body };
}

