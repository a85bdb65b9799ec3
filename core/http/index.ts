export { listenHttp, isMainModule, runUntilSignalled, type ListeningServer } from './listen.ts';
export { exchangeOverFetch, exchangeOverNodeHttp, type HttpExchange, type HttpExchangeAnswer, type HttpExchangeRequest } from './http-exchange.ts';
