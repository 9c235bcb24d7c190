/* -flto: the other unit of the link. */
int user(void);
int main(void)
{
	return user() == 2 ? 0 : 1;
}
