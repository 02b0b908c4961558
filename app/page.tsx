import { redirect } from 'next/navigation';
import { HOME_BY_ROLE } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';

/** Everyone lands on their role's home page. */
export default async function Home() {
  const user = await requireUser();
  redirect(HOME_BY_ROLE[user.role]);
}
