/**
 * The Go release a reference helm was built with, where the standard library's rules differ
 * between them: helm 3.17.3 is go1.23.7, helm 4.1.4 go1.25.9 (since go1.25.2 url.Parse accepts
 * only an IPv6 address between a host's brackets).
 */
export type GoRelease = 'go1.23' | 'go1.25';
