// The registry's public face: other modules import only from here.
export * as registryScope from './registry.scope.ts';
export { registryRoutes } from './registry.routes.ts';
