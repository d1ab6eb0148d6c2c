import { HttpClient, provideHttpClient, withInterceptors, type HttpInterceptorFn } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { earlyGet, earlyGetInterceptor } from './early-get';

describe('earlyGet: the first GET of a page answered by the request made while it loaded', () => {
  let http: HttpClient;
  let server: HttpTestingController;

  let token = 'a';
  // as the auth interceptor does, before the early one
  const auth: HttpInterceptorFn = (req, next) => next(req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }));

  beforeEach(() => {
    token = 'a';
    TestBed.configureTestingModule({ providers: [provideHttpClient(withInterceptors([auth, earlyGetInterceptor])), provideHttpClientTesting()] });
    http = TestBed.inject(HttpClient);
    server = TestBed.inject(HttpTestingController);
  });
  afterEach(() => server.verify());

  it('one request to the server; the page gets its body and headers (the ETag), once', async () => {
    earlyGet(http, '/api/targets/t1');
    server.expectOne('/api/targets/t1').flush({ id: 't1' }, { headers: { ETag: '"3"' } });
    const res = await firstValueFrom(http.get<{ id: string }>('/api/targets/t1', { observe: 'response' }));
    expect(res.body).toEqual({ id: 't1' });
    expect(res.headers.get('ETag')).toBe('"3"');
    // a second read is a request of its own: the early answer is used once
    const again = firstValueFrom(http.get('/api/targets/t1'));
    server.expectOne('/api/targets/t1').flush({ id: 't1', v: 4 });
    expect(await again).toEqual({ id: 't1', v: 4 });
  });

  it('the page waits for an early request still on its way, and sees its failure as its own', async () => {
    earlyGet(http, '/api/targets/t2');
    const page = firstValueFrom(http.get('/api/targets/t2'));
    server.expectOne('/api/targets/t2').flush({ message: '不存在' }, { status: 404, statusText: 'Not Found' });
    await expect(page).rejects.toMatchObject({ status: 404 });
  });

  it("another session's early answer is not taken (a user who signed out and another who signed in)", async () => {
    earlyGet(http, '/api/targets/t4');
    server.expectOne('/api/targets/t4').flush({ seenBy: 'a' });
    token = 'b';
    const page = firstValueFrom(http.get('/api/targets/t4'));
    const req = server.expectOne('/api/targets/t4');
    expect(req.request.headers.get('Authorization')).toBe('Bearer b');
    req.flush({ seenBy: 'b' });
    expect(await page).toEqual({ seenBy: 'b' });
  });

  it('another URL, or a GET after the answer expired, goes to the server', async () => {
    jest.useFakeTimers({ now: 0, doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    try {
      earlyGet(http, '/api/frameworks');
      server.expectOne('/api/frameworks').flush([]);
      const other = firstValueFrom(http.get('/api/targets/t3'));
      server.expectOne('/api/targets/t3').flush({});
      await other;
      jest.setSystemTime(60_000);
      const late = firstValueFrom(http.get('/api/frameworks'));
      server.expectOne('/api/frameworks').flush([{ code: 'mof-2021' }]);
      expect(await late).toEqual([{ code: 'mof-2021' }]);
    } finally {
      jest.useRealTimers();
    }
  });
});
