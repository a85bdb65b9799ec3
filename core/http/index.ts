export { listenHttp, isMainModule, runUntilSignalled, type ListeningServer } from './listen.ts';
