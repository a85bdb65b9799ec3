export { listenHttp, isMainModule, runUntilSignalled, type ListeningServer } from './listen.ts';
export { BodyTooLargeError, DEFAULT_MAX_BODY_BYTES, exchangeOverFetch, exchangeOverNodeHttp, type HttpExchange, type HttpExchangeAnswer, type HttpExchangeRequest } from './http-exchange.ts';
