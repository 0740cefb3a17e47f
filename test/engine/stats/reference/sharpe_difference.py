import numpy as np
def lcg_ar1(n, phi, seed=12345):
    s=seed; prev=0.0; x=np.zeros(n)
    for t in range(n):
        s=(1103515245*s+12345)%2**32
        prev=phi*prev+((s+0.5)/4294967296-0.5)
        x[t]=prev
    return x
n=600
x1=lcg_ar1(n,0.2,12345); x2=lcg_ar1(n,0.1,999)
a=0.004+0.05*x1
b=0.001+0.05*(0.6*x1+0.8*x2)
def lw(a,b,L):
    n=len(a)
    u=np.column_stack([a,b,a*a,b*b])
    v=u.mean(0)
    ma,mb,ga,gb=v
    va,vb=ga-ma**2,gb-mb**2
    grad=np.array([ga/va**1.5,-gb/vb**1.5,-ma/(2*va**1.5),mb/(2*vb**1.5)])
    e=u-v
    Psi=e.T@e/n
    for j in range(1,L+1):
        G=e[j:].T@e[:-j]/n
        Psi+=(1-j/(L+1))*(G+G.T)
    se=np.sqrt(grad@Psi@grad/n)
    d=ma/np.sqrt(va)-mb/np.sqrt(vb)
    return d,se,d/se
L=int(np.floor(4*(n/100)**(2/9)))
print(L)
for lag in (0,L,10):
    print(lag, *['%.15g'%x for x in lw(a,b,lag)])
