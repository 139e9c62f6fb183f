import { Router } from 'express';
import { principalOf } from '../auth/middleware.js';
import type { UsersService } from './service.js';

export function usersRouter(users: UsersService) {
  const router = Router();
  router.get('/api/users', async (_req, res) => {
    res.json(await users.list(principalOf(res)));
  });
  return router;
}
