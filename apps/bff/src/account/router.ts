import { Router } from 'express';
import { updateAccountRequest } from '@rolebridge/contracts';
import { principalOf } from '../auth/middleware.js';
import { parse } from '../http/validate.js';
import type { AccountService } from './service.js';

export function accountRouter(account: AccountService) {
  const router = Router();
  router.get('/api/account', async (_req, res) => {
    res.json(await account.current());
  });
  router.patch('/api/account', async (req, res) => {
    const { name } = parse(updateAccountRequest, req.body);
    res.json(await account.rename(principalOf(res), name));
  });
  return router;
}
